import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const COMMANDS = [
  { command: 'bold', icon: <BoldOutlined />, label: 'records.format.bold' },
  { command: 'italic', icon: <ItalicOutlined />, label: 'records.format.italic' },
  { command: 'insertUnorderedList', icon: <UnorderedListOutlined />, label: 'records.format.bullets' },
  { command: 'insertOrderedList', icon: <OrderedListOutlined />, label: 'records.format.numbers' },
] as const;

const EDITOR_STYLE = {
  minHeight: 180,
  padding: '8px 11px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  outline: 'none',
  lineHeight: 1.7,
  overflowWrap: 'anywhere',
} as const;

/**
 * The minutes as rich text: a few formatting buttons over an editable area, nothing to learn.
 * Uncontrolled: the HTML is set once (the parent remounts it for other minutes), so typing never
 * jumps the cursor. The HTML shown comes from the server, which keeps only safe tags.
 */
export function MinutesEditor({
  initialHtml,
  onChange,
}: {
  initialHtml: string;
  onChange: (html: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const initial = useRef(initialHtml);

  useEffect(() => {
    if (ref.current) ref.current.innerHTML = initial.current;
  }, []);

  const apply = (command: string) => {
    ref.current?.focus();
    document.execCommand(command);
    if (ref.current) onChange(ref.current.innerHTML);
  };

  return (
    <Flex vertical gap={6}>
      <Flex gap={4}>
        {COMMANDS.map((item) => (
          <Tooltip key={item.command} title={t(item.label)}>
            <Button
              size="small"
              icon={item.icon}
              aria-label={t(item.label)}
              // Keeps the selection in the editor while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => apply(item.command)}
            />
          </Tooltip>
        ))}
      </Flex>
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area has no native element */}
      <div
        ref={ref}
        contentEditable
        role="textbox"
        aria-multiline
        aria-label={t('records.minutes')}
        tabIndex={0}
        data-testid="minutes-editor"
        style={EDITOR_STYLE}
        onInput={(event) => onChange(event.currentTarget.innerHTML)}
      />
    </Flex>
  );
}
