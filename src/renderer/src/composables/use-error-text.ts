import { useI18n } from 'vue-i18n'
import { errorText } from '../i18n/error-text'

/** `errorText` bound to the current language; re-evaluates when the language changes. */
export function useErrorText(): (err: unknown) => string {
  const { t, te } = useI18n()
  return (err) =>
    errorText(
      err,
      (key, named) => t(key, named ?? {}),
      (key) => te(key),
    )
}
