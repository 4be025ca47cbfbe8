import { ref } from 'vue'

/**
 * Whether the renderer can reach main. Always `connected` under Electron; under the
 * browser host it follows the WebSocket (the host process may have been stopped), and
 * `signedOut` when the page has no session (opened without a fresh launch link).
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'signedOut'

export const connectionState = ref<ConnectionState>('connected')
