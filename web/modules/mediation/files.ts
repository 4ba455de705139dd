import { ApiError, type QueryParams } from '../../app/http.ts';

/**
 * Files in and out of the mediation module. The ledger goes up as base64 inside JSON through the one http wrapper
 * (its CSRF token and error handling); downloads are plain GETs whose body is a file — unless the server refuses,
 * when its {error} becomes the same ApiError as everywhere else.
 */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new ApiError(0, 'FILE_READ', '无法读取所选文件'));
    reader.readAsDataURL(file);
  });
}

function filenameOf(res: Response, fallback: string): string {
  const m = (res.headers.get('content-disposition') ?? '').match(/filename\*=UTF-8''([^;]+)/);
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
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
