/** Shops screen strings; shops.ru.ts has exactly the same keys. */
export const shopsEn = {
  title: 'Shops',
  lead: 'Each PersonaClick shop has its own shop ID and secret key (PersonaClick › Settings › Shop). The secret is stored safely and never shown again.',
  add: 'Add shop',
  addTitle: 'Add a shop',
  editTitle: 'Edit shop',
  save: 'Save shop',
  saved: '“{label}” saved',
  active: 'Active',
  demo: 'Demo',
  demoLabel: 'Demo shop',
  demoHelp: 'Built-in sample shop with demo data. Nothing you do here reaches PersonaClick.',
  makeActive: 'Make active',
  test: 'Test connection',
  testOk: '“{label}” is connected',
  actions: 'Actions',
  editNamed: 'Edit {label}',
  removeNamed: 'Remove {label}',
  remove: 'Remove shop',
  removeTitle: 'Remove “{label}”?',
  removeMessage:
    'The console forgets this shop and its secret key. Data in PersonaClick is not touched.',
  removed: '“{label}” removed',
  secretStored: 'Secret key stored',
  replaceSecret: 'Replace',
  switchLabel: 'Active shop',
  fields: {
    label: 'Name',
    apiHost: 'API host',
    shopId: 'Shop ID',
    secret: 'Secret key',
    defaultCountry: 'Default country for phone numbers',
    timeZone: 'Time zone',
  },
  placeholders: {
    label: 'e.g. Store — Europe',
  },
  help: {
    apiHost: 'Leave as is unless PersonaClick gave you another address.',
    secret: 'Write-only: after saving it is never shown again.',
    secretHostChanged:
      'The secret key is only sent to the API host it was entered for. For a new host, enter it again: the stored key will be forgotten.',
    defaultCountry: 'Used when a phone number has no country code.',
  },
  errors: {
    label: 'Give the shop a name.',
    apiHost: 'Use an https:// address (http:// only for this computer).',
    shopId: 'Enter the shop ID: letters, digits, - and _.',
    secret: 'Enter the secret key.',
    secretHostChanged: 'The API host changed: enter the secret key again for the new host.',
  },
  storage: {
    encrypted: 'Stored, encrypted by the system',
    weak: 'Stored with weak protection',
    memory: 'Kept until the console closes',
    none: 'Missing — edit to enter it',
  },
  outcomes: {
    ok: 'Connected: the shop ID and secret key work.',
    'wrong-shop-id':
      'PersonaClick does not know this shop ID. Copy it again from your PersonaClick account.',
    'wrong-secret': 'The secret key was refused. Copy it again and replace it here.',
    'no-secret': 'No secret key is stored. Edit the shop to enter it.',
    unreachable: 'The API host cannot be reached. Check the address and your connection or VPN.',
    tls: 'The API host’s certificate is not trusted. Check the address; ask IT if you use a proxy.',
    timeout: 'The API host did not answer in time. Try again in a minute.',
    'server-error': 'PersonaClick is having trouble. Try again in a few minutes.',
    unexpected: 'The answer was not what PersonaClick sends. Check the API host address.',
  },
  vault: {
    browserHost:
      'In the browser version, secret keys are kept in memory only: enter them again after restarting the console.',
    memoryOnly:
      'This computer has no system keyring, so secret keys are kept only until the console closes.',
    weakOn: 'Secret keys are saved with weak protection (no system keyring on this computer).',
    allowWeak: 'Save them anyway',
    memoryInstead: 'Keep in memory only',
    weakTitle: 'Save secret keys with weak protection?',
    weakMessage:
      'Without a system keyring, anyone who can read your files could recover the secret keys. Only do this on a computer you alone use.',
    weakConfirm: 'Save with weak protection',
  },
}
