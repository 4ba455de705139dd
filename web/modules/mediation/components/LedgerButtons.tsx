import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportProblem } from '../../../../domain/mediation/contracts.ts';
import { ApiError, type QueryParams } from '../../../app/http.ts';
import { downloadFile, readAsBase64 } from '../../../ui/files.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { mediationApi, mediationFiles, mediationKeys } from '../api.ts';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads a file the server builds; a refusal shows the server's message. */
export function DownloadButton({
  path,
  filename,
  query,
  children,
  type,
}: {
  path: string;
  filename: string;
  query?: QueryParams;
  children: string;
  type?: 'link' | 'default' | 'primary';
}) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  return (
    <Button
      type={type}
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

/**
 * 导入台账: picks an .xlsx ledger and sends it; the server checks every row and imports all or nothing. Problems are
 * listed by row and column so the clerk can fix the sheet and try again.
 */
export function ImportLedgerButton() {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <Upload
      accept={XLSX}
      showUploadList={false}
      beforeUpload={async (file) => {
        setBusy(true);
        try {
          const result = await mediationApi.importLedger({ filename: file.name, content: await readAsBase64(file) });
          await queryClient.invalidateQueries({ queryKey: mediationKeys.all });
          modal.success({ title: '导入完成', content: `已导入 ${result.created} 件纠纷。` });
        } catch (err) {
          if (err instanceof ApiError && err.code === 'MEDIATION_IMPORT_INVALID' && Array.isArray(err.details)) {
            const problems = err.details as ImportProblem[];
            modal.error({
              title: `台账有 ${problems.length} 处错误，未导入任何数据`,
              width: 720,
              content: (
                <>
                  <Typography.Paragraph type="secondary">请按下列位置修改台账后重新导入。</Typography.Paragraph>
                  <Table<ImportProblem>
                    size="small"
                    rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
                    pagination={problems.length > 10 ? { pageSize: 10 } : false}
                    dataSource={problems}
                    columns={[
                      { title: '行', dataIndex: 'row', width: 60 },
                      { title: '列', dataIndex: 'column', width: 140 },
                      { title: '问题', dataIndex: 'message' },
                    ]}
                  />
                </>
              ),
            });
          } else {
            showError(err);
          }
        } finally {
          setBusy(false);
        }
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        导入台账
      </Button>
    </Upload>
  );
}

export const ledgerTemplate = { path: mediationFiles.template, filename: '人民调解登记台账_导入模板.xlsx' };
