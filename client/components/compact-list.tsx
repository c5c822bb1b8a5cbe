import { Card, Divider, Empty, Flex, Pagination, type PaginationProps, Spin } from 'antd';
import { Fragment, type Key, type ReactNode } from 'react';

/**
 * The phone rendering of a table: one block per row, no columns to scroll sideways.
 * (antd's List, which did this, is deprecated in antd 6.)
 */
export function CompactList<T>({
  items,
  rowKey,
  renderItem,
  loading,
  pagination,
}: {
  items: T[] | undefined;
  rowKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  loading?: boolean;
  pagination?: PaginationProps;
}) {
  return (
    <Card size="small">
      <Spin spinning={!!loading}>
        {items?.length ? (
          items.map((item, index) => (
            <Fragment key={rowKey(item)}>
              {index > 0 && <Divider style={{ margin: '10px 0' }} />}
              {renderItem(item)}
            </Fragment>
          ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Spin>
      {pagination && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination simple {...pagination} />
        </Flex>
      )}
    </Card>
  );
}
