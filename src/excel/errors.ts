// Turns what Office.js throws into data the pane can show (a code and Excel's own message).

export interface HostError {
  code: string;
  message: string;
}

export function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return '';
}

export function toHostError(e: unknown): HostError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: errorCode(e) || 'Unknown', message };
}
