import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The infinite query of a keyset-paged list. */
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  /** Rows shown so far. */
  count: number;
}

/** A list's foot: "load more" while pages remain, then how many rows there were. */
export function LoadMore({ list, count }: Props) {
  const { t } = useTranslation();
  return (
    <div className="kehu-more">
      {list.hasNextPage ? (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.endOfList', { count })}</Typography.Text>
      )}
    </div>
  );
}
