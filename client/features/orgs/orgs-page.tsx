import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, type GetRef, Input, Row, Skeleton, Tree } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/api-error';
import { useIsPhone } from '../../components/use-is-phone';
import { OrgDetail } from './org-detail';
import { useOrgTree } from './queries';
import { ancestorIds, filterOrgs, flattenIds, nestOrgs, type OrgNode } from './tree';

interface TreeData {
  key: number;
  title: string;
  children: TreeData[];
}

const toTreeData = (nodes: OrgNode[]): TreeData[] =>
  nodes.map((node) => ({ key: node.id, title: node.name, children: toTreeData(node.children) }));

export function OrgsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const params = useParams();
  const selectedId = params.id ? Number(params.id) : undefined;
  const { data, error, isPending } = useOrgTree();
  const nodes = data?.nodes;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[]>([]);

  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const scrolledTo = useRef<number>(undefined);
  const roots = useMemo(() => nestOrgs(nodes ?? []), [nodes]);
  const shown = useMemo(() => filterOrgs(roots, search), [roots, search]);
  const treeData = useMemo(() => toTreeData(shown), [shown]);

  // Open the top level, and the path to whatever the URL selects (a link from elsewhere, a new child).
  useEffect(() => {
    if (!nodes) return;
    const path = selectedId === undefined ? [] : ancestorIds(nodes, selectedId);
    setExpanded((open) => [...new Set([...open, ...roots.map((root) => root.id), ...path])]);
  }, [nodes, roots, selectedId]);

  // Bring the selected org into view once the path to it is open (after a link or a new child),
  // and only once per selection, so the user's own scrolling is left alone.
  useEffect(() => {
    if (!nodes || selectedId === undefined || scrolledTo.current === selectedId) return;
    if (!ancestorIds(nodes, selectedId).every((id) => expanded.includes(id))) return;
    scrolledTo.current = selectedId;
    treeRef.current?.scrollTo({ key: selectedId, align: 'auto' });
  }, [nodes, selectedId, expanded]);

  const tree = (
    <Card size="small" title={t('orgs.title')}>
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      <ErrorAlert error={error} />
      {isPending ? (
        <Skeleton active />
      ) : (
        <div data-testid="org-tree">
          <Tree<TreeData>
            ref={treeRef}
            blockNode
            showLine
            treeData={treeData}
            // While searching every match is opened; otherwise the user's own expansion is kept.
            expandedKeys={search.trim() ? flattenIds(shown) : expanded}
            onExpand={(keys) => setExpanded(keys.map(Number))}
            selectedKeys={selectedId === undefined ? [] : [selectedId]}
            onSelect={(keys) => keys[0] !== undefined && navigate(`/orgs/${keys[0]}`)}
            height={isPhone ? undefined : 600}
          />
        </div>
      )}
    </Card>
  );

  // The page's one heading, for screen readers: its cards say what each part is.
  const heading = <h1 className="p-visually-hidden">{t('app.menu.orgs')}</h1>;
  if (isPhone) {
    if (selectedId === undefined)
      return (
        <>
          {heading}
          {tree}
        </>
      );
    return (
      <>
        {heading}
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/orgs')}
          style={{ padding: 0 }}
        >
          {t('orgs.backToTree')}
        </Button>
        <OrgDetail id={selectedId} />
      </>
    );
  }

  // On a wide screen the detail panel is never empty: it starts at the top of the user's tree.
  const top = roots[0];
  if (selectedId === undefined && top) return <Navigate to={`/orgs/${top.id}`} replace />;

  return (
    <Row gutter={16} wrap={false}>
      {heading}
      <Col flex="320px">{tree}</Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {selectedId === undefined ? (
          <Card>{isPending ? <Skeleton active /> : <Empty description={t('orgs.selectHint')} />}</Card>
        ) : (
          <OrgDetail id={selectedId} />
        )}
      </Col>
    </Row>
  );
}
