import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload } from 'antd';
import type { Attachment } from '../../../../domain/platform/contracts.ts';
import { useCurrentMe } from '../../../app/auth.tsx';
import { api } from '../../../app/http.ts';
import { formatInstant } from '../../../ui/dates.ts';

/**
 * 立卷归档 (art 27): signed agreements, photos from the scene and other papers of a dispute, through the platform's
 * attachments (entityType 'dispute'). On a phone the picker offers the camera.
 */
export function DisputeAttachments({ disputeId, orgUnitId, canWrite }: { disputeId: number; orgUnitId: number; canWrite: boolean }) {
  const me = useCurrentMe();
  const { message } = App.useApp();
  const key = ['mediation', 'attachments', disputeId] as const;
  const files = useQuery({
    queryKey: key,
    queryFn: async () => (await api.get<{ items: Attachment[] }>('/api/attachments', { entityType: 'dispute', entityId: disputeId })).items,
  });
  return (
    <>
      <List<Attachment>
        size="small"
        loading={files.isPending}
        dataSource={files.data ?? []}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item>
            <Typography.Link href={`/api/attachments/${a.id}`} target="_blank" rel="noopener">
              <PaperClipOutlined /> {a.filename}
            </Typography.Link>
            <Typography.Text type="secondary">{formatInstant(a.uploadedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {canWrite && (
        <Upload
          name="file"
          action="/api/attachments"
          withCredentials
          headers={{ 'X-CSRF-Token': me.csrfToken }}
          data={{ orgUnitId: String(orgUnitId), entityType: 'dispute', entityId: String(disputeId) }}
          accept="image/*,.pdf,.doc,.docx,.xlsx"
          showUploadList={false}
          onChange={(info) => {
            if (info.file.status === 'done') {
              message.success('已上传');
              void files.refetch();
            }
            if (info.file.status === 'error') message.error((info.file.response as { error?: { message?: string } } | undefined)?.error?.message ?? '上传失败');
          }}
        >
          <Button icon={<CameraOutlined />} style={{ marginTop: 8 }}>
            上传附件（拍照、协议书扫描件）
          </Button>
        </Upload>
      )}
    </>
  );
}
