import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload } from 'antd';
import type { Attachment } from '../../../../domain/platform/contracts.ts';
import { useCurrentMe } from '../../../app/auth.tsx';
import { formatInstant } from '../../../ui/dates.ts';
import { villagesApi, villagesKeys } from '../api.ts';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

type Props = {
  entityType: string;
  entityId: string;
  orgUnitId: number;
  canWrite: boolean;
  label?: string;
  /** Called with each file once stored (e.g. to add it to a checklist item's evidence). */
  onUploaded?: (a: Attachment) => void;
};

/** Files of a record (听证记录、活动照片、佐证材料) through the platform's attachments; photos straight from a phone's camera. */
export function Attachments({ entityType, entityId, orgUnitId, canWrite, label = '上传附件', onUploaded }: Props) {
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const key = villagesKeys.attachments(entityType, entityId);
  const files = useQuery({ queryKey: key, queryFn: async () => (await villagesApi.attachments(entityType, entityId)).items });
  return (
    <>
      <List
        size="small"
        loading={files.isPending}
        locale={{ emptyText: '暂无附件' }}
        dataSource={files.data ?? []}
        renderItem={(f) => (
          <List.Item>
            <Typography.Link href={`/api/attachments/${f.id}`} target="_blank">
              <PaperClipOutlined /> {f.filename}
            </Typography.Link>
            <Typography.Text type="secondary">
              {size(f.size)} · {formatInstant(f.uploadedAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canWrite && (
        <Upload
          action="/api/attachments"
          headers={{ 'X-CSRF-Token': me.csrfToken }}
          // The unit and the record go before the file in the multipart body (the server reads them first).
          data={{ orgUnitId: String(orgUnitId), entityType, entityId }}
          accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.mp4,.mp3"
          showUploadList={false}
          onChange={({ file }) => {
            if (file.status === 'done') {
              message.success(`已上传：${file.name}`);
              onUploaded?.(file.response as Attachment);
              void queryClient.invalidateQueries({ queryKey: key });
            }
            if (file.status === 'error') message.error((file.response as { error?: { message?: string } } | undefined)?.error?.message ?? '上传失败');
          }}
        >
          <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 8 }}>
            {label}
          </Button>
        </Upload>
      )}
    </>
  );
}
