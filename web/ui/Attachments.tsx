import { CameraOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload } from 'antd';
import type { Attachment } from '../../domain/platform/contracts.ts';
import { useCurrentMe } from '../app/auth.tsx';
import { api } from '../app/http.ts';
import { formatInstant } from './dates.ts';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** One record's files, under one cache key for every module (an upload anywhere refreshes the list everywhere). */
export const attachmentsKey = (entityType: string, entityId: string | number) => ['attachments', entityType, String(entityId)] as const;

const recordFileTypes = 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.mp4,.mp3';

type Props = {
  /** The record the files belong to, as the platform's attachments name it (study_session, dispute, village_hearing …). */
  entityType: string;
  entityId: string | number;
  /** The record's org unit: the server files the upload there and checks the uploader's scope. */
  orgUnitId: number;
  canWrite: boolean;
  /** The upload button's words, saying what belongs here (听证记录、签到表、照片 …). */
  label?: string;
  emptyText?: string;
  /** File types offered by the picker (default: photos, scans, office files, audio and video); null: any file. */
  accept?: string | null;
  /** Field work: a full-size button with a camera, since on a phone the picker offers the camera. */
  camera?: boolean;
  /** Called with each file once stored (e.g. to add it to a checklist item's evidence). */
  onUploaded?: (a: Attachment) => void;
};

/** Files of a record (课件、协议书、听证记录、活动照片、佐证材料) through the platform's attachments, with upload. */
export function Attachments({
  entityType,
  entityId,
  orgUnitId,
  canWrite,
  label = '上传附件',
  emptyText = '暂无附件',
  accept = recordFileTypes,
  camera = false,
  onUploaded,
}: Props) {
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const key = attachmentsKey(entityType, entityId);
  const files = useQuery({
    queryKey: key,
    queryFn: async () => (await api.get<{ items: Attachment[] }>('/api/attachments', { entityType, entityId: String(entityId) })).items,
  });
  return (
    <>
      <List<Attachment>
        size="small"
        loading={files.isPending}
        locale={{ emptyText }}
        dataSource={files.data ?? []}
        renderItem={(f) => (
          <List.Item>
            <Typography.Link href={`/api/attachments/${f.id}`} target="_blank" rel="noopener">
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
          name="file"
          action="/api/attachments"
          headers={{ 'X-CSRF-Token': me.csrfToken }}
          // The unit and the record go before the file in the multipart body (the server reads them first).
          data={{ orgUnitId: String(orgUnitId), entityType, entityId: String(entityId) }}
          accept={accept ?? undefined}
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
          <Button size={camera ? 'middle' : 'small'} icon={camera ? <CameraOutlined /> : <UploadOutlined />} style={{ marginTop: 8 }}>
            {label}
          </Button>
        </Upload>
      )}
    </>
  );
}
