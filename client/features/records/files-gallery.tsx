import { DeleteOutlined, FileOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityFile } from '../../../common/schemas/record';
import { formatDateTime } from '../../components/china-time';

const THUMB = 112;

function PhotoCard({ file, onDelete }: { file: ActivityFile; onDelete?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { padding: 6, width: THUMB + 12 } }} data-testid={`photo-${file.id}`}>
      <Image
        src={file.thumbUrl ?? file.url}
        preview={{ src: file.url }}
        width={THUMB}
        height={THUMB}
        style={{ objectFit: 'cover', borderRadius: 4 }}
        alt={file.name}
      />
      <Flex vertical gap={2} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {file.takenAt
            ? t('records.takenAt', { time: formatDateTime(file.takenAt) })
            : t('records.noExifTime')}
        </Typography.Text>
        {/* Read from the photo itself: a hint for the inspector, the photo is kept either way. */}
        {file.flags.map((flag) => (
          <Tag
            key={flag}
            color="warning"
            icon={<WarningOutlined />}
            style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
            data-flag={flag}
          >
            {t(`records.flag.${flag}`)}
          </Tag>
        ))}
        {onDelete && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onDelete}>
            {t('common.delete')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

export function FilesGallery({
  files,
  onDelete,
}: {
  files: ActivityFile[];
  onDelete?: (file: ActivityFile) => void;
}) {
  const { t } = useTranslation();
  const photos = files.filter((file) => file.kind === 'photo');
  const documents = files.filter((file) => file.kind === 'file');
  return (
    <Flex vertical gap={12}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap data-testid="photo-list">
            {photos.map((file) => (
              <PhotoCard key={file.id} file={file} onDelete={onDelete && (() => onDelete(file))} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {documents.map((file) => (
        <Flex key={file.id} gap={8} align="center" wrap>
          <FileOutlined />
          <Typography.Link href={file.url} target="_blank" rel="noopener">
            {file.name}
          </Typography.Link>
          <Typography.Text type="secondary">
            {t('records.size', { kb: Math.ceil(file.size / 1024) })}
          </Typography.Text>
          {onDelete && (
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onDelete(file)}>
              {t('common.delete')}
            </Button>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
