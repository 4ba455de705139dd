import { ApiError, api, type QueryParams } from '../app/http.ts';

/**
 * Files in and out of every module. Uploads (.xlsx ledgers) go as multipart with the CSRF token; downloads are plain
 * GETs (no token needed) whose body is a file — unless the server refuses, when its {error} becomes the same ApiError.
 */

function filenameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const m = header.match(/filename\*=UTF-8''([^;]+)/);
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

export async function downloadFile(path: string, fallbackName: string, query?: QueryParams): Promise<void> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const url = params.size ? `${path}?${params}` : path;
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
    throw body?.error
      ? new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? null)
      : new ApiError(res.status, `HTTP_${res.status}`, `下载失败（${res.status}）`);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Sends a file as multipart (field `file`) — for uploads too large for base64 in JSON, such as a 100,000-row ledger.
 * The CSRF token comes from /api/auth/me, as for every state-changing request.
 */
export async function uploadFile<T>(path: string, file: Blob & { name?: string }, query?: QueryParams): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/me');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const body = new FormData();
  body.append('file', file, file.name ?? 'upload.xlsx');
  let res: Response;
  try {
    res = await fetch(params.size ? `${path}?${params}` : path, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) {
    throw data?.error
      ? new ApiError(res.status, data.error.code, data.error.message, data.error.details ?? null)
      : new ApiError(res.status, `HTTP_${res.status}`, `上传失败（${res.status}）`);
  }
  return data as T;
}
