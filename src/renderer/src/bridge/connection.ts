import { ref } from 'vue'

/**
 * Whether the renderer can reach main. Always `connected` under Electron; under the
 * browser host it follows the WebSocket (the host process may have been stopped).
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected'

export const connectionState = ref<ConnectionState>('connected')
