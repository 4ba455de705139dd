import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { LedgerImportMode, LedgerJob, LedgerProblem } from '../../domain/platform/ledger.ts';
import { api, type QueryParams } from '../app/http.ts';
import { downloadFile, uploadFile } from './files.ts';
import { useApiError } from './useApiError.ts';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const phaseText = { check: '正在逐行检查', write: '正在写入', end: '已完成' } as const;

function Download({ path, filename, query, children, type }: { path: string; filename: string; query?: QueryParams; children: string; type?: 'link' | 'default' }) {
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

/** The import dialog: pick the mode and the file, watch the job's progress, read its problems row by row. */
function ImportDialog({ kind, title, open, onClose, onImported }: { kind: string; title: string; open: boolean; onClose: () => void; onImported?: () => void }) {
  const [mode, setMode] = useState<LedgerImportMode>('all');
  const [job, setJob] = useState<LedgerJob | null>(null);
  const showError = useApiError();

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(async () => {
      try {
        const next = await api.get<LedgerJob>(`/api/ledgers/jobs/${job.id}`);
        setJob(next);
        if (next.state === 'done' && (next.result?.created || next.result?.updated)) onImported?.();
      } catch (err) {
        showError(err);
      }
    }, 500);
    return () => clearTimeout(timer);
  }, [job, onImported, showError]);

  const result = job?.result;
  const problems = result?.problems ?? [];
  const failed = job?.state === 'failed' ? job.error : null;
  const close = () => {
    setJob(null);
    onClose();
  };
  return (
    <Modal title={`导入${title}`} open={open} onCancel={close} footer={<Button onClick={close}>关闭</Button>} width={760} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} disabled={job?.state === 'running'}>
          <Radio value="all">全部无误才导入（有任何错误则不写入）</Radio>
          <Radio value="good">只导入无误的行（错误行退回为 Excel）</Radio>
        </Radio.Group>
        <Upload
          accept={XLSX}
          showUploadList={false}
          disabled={job?.state === 'running'}
          beforeUpload={async (file) => {
            try {
              setJob(await uploadFile<LedgerJob>(`/api/ledgers/${kind}/import`, file, { mode }));
            } catch (err) {
              showError(err);
            }
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={job?.state === 'running'}>
            选择台账文件（.xlsx）
          </Button>
        </Upload>
        {job && (
          <Progress
            percent={job.percent}
            status={job.state === 'failed' || result?.outcome === 'rejected' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
            format={(p) => `${p}%`}
          />
        )}
        {job?.state === 'running' && (
          <Typography.Text type="secondary">
            {phaseText[job.phase]}：已读取 {job.rowsRead} 行
          </Typography.Text>
        )}
        {failed && <Alert type="error" showIcon message={failed.message} />}
        {result?.outcome === 'rejected' && (
          <Alert type="error" showIcon message={`台账有 ${result.failed} 行有错误，未导入任何数据。请按下列位置修改后重新导入，或选择“只导入无误的行”。`} />
        )}
        {result?.outcome === 'imported' && (
          <Alert
            type={result.failed ? 'warning' : 'success'}
            showIcon
            message={`读取 ${result.rows} 行：新增 ${result.created}${result.updated ? `，更新 ${result.updated}` : ''}，已存在未重复导入 ${result.skipped}${result.failed ? `，有错误未导入 ${result.failed}` : ''}`}
            action={
              result.errorFile ? (
                <Download path={result.errorFile} filename="未导入的行_错误说明.xlsx" type="link">
                  下载错误行
                </Download>
              ) : undefined
            }
          />
        )}
        {(problems.length > 0 || (failed && Array.isArray(failed.details))) && (
          <Table<LedgerProblem>
            size="small"
            rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.message}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={problems.length ? problems : (failed?.details as LedgerProblem[])}
            footer={result?.moreProblems ? () => `另有 ${result.moreProblems} 处问题未列出` : undefined}
            columns={[
              { title: '工作表', dataIndex: 'sheet', width: 110 },
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}

/**
 * 下载模板 · 导入台账 · 导出 Excel for any ledger kind (server: /api/ledgers/:kind). `query` is the list's filters, so
 * the export holds what the list shows.
 */
export function LedgerButtons({
  kind,
  title,
  query,
  canImport,
  onImported,
  what,
}: {
  kind: string;
  title: string;
  query?: QueryParams;
  canImport: boolean;
  onImported?: () => void;
  /** What the ledger holds, when it is not what the page lists (the exams page imports scores): names both buttons. */
  what?: string;
}) {
  const [importing, setImporting] = useState(false);
  // One group with its own gaps: the page's toolbar spaces this as a single item. The dialog stays outside it (a
  // closed modal would still take a gap).
  return (
    <>
      <Space wrap size={8}>
        <Download path={`/api/ledgers/${kind}/export`} filename={`${title}.xlsx`} query={query}>
          {what ? `导出${what}` : '导出 Excel'}
        </Download>
        {canImport && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {what ? `导入${what}` : '导入台账'}
          </Button>
        )}
        {canImport && (
          <Download type="link" path={`/api/ledgers/${kind}/template`} filename={`${title}_导入模板.xlsx`}>
            下载模板
          </Download>
        )}
      </Space>
      {canImport && <ImportDialog kind={kind} title={title} open={importing} onClose={() => setImporting(false)} onImported={onImported} />}
    </>
  );
}
