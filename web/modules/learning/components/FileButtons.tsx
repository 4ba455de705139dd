import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import type { QueryParams } from '../../../app/http.ts';
import { downloadFile, readAsBase64 } from '../../../ui/files.ts';
import { useApiError } from '../../../ui/useApiError.ts';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads an .xlsx the server builds (filters applied); a refusal shows the server's message. */
export function DownloadButton({ path, filename, query, children }: { path: string; filename: string; query?: QueryParams; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(path, filename, query);
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}

/** Picks an .xlsx and hands it (base64) to `onImport`; the server checks every row and imports all or nothing. */
export function ImportButton({
  onImport,
  children,
}: {
  onImport: (file: { filename: string; content: string }) => Promise<{ created: number; updated: number }>;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const { modal } = App.useApp();
  return (
    <Upload
      accept={XLSX}
      showUploadList={false}
      beforeUpload={async (file) => {
        setBusy(true);
        try {
          const result = await onImport({ filename: file.name, content: await readAsBase64(file) });
          modal.success({ title: '导入完成', content: `新增 ${result.created} 条，更新 ${result.updated} 条。` });
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        {children}
      </Button>
    </Upload>
  );
}
