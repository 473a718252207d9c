import { Checkbox, Form, Input, Radio, Select, Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { isLanguage, LANGUAGES } from '../../../i18n/languages';
import { topField } from '../../../lib/form-errors';
import { NoticeKindsField } from '../../notice-preferences/components/NoticeKindsField';
import { orderedKinds } from '../../notice-preferences/lib/kinds';
import { ROBOT_PLATFORMS, useSaveRobot, type Robot, type RobotBody, type RobotPlatform } from '../api/robots';

type NoticeKind = Schemas['NoticeKind'];
type Language = Schemas['Language'];

interface Values {
  name?: string;
  platform?: RobotPlatform;
  url?: string;
  secret?: string;
  remove_secret?: boolean;
  language?: Language;
  kinds?: NoticeKind[];
  active?: boolean;
}

/** What a platform's webhook address looks like (the form's placeholder). */
const URL_EXAMPLE: Record<RobotPlatform, string> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
};

/** WeCom's group robots sign nothing: only DingTalk and Feishu take a secret. */
const signs = (platform: RobotPlatform) => platform !== 'wecom';

/**
 * The body sent: on a change an empty address keeps the stored one and an
 * empty secret the stored secret (both left out); 移除加签 sends "".
 */
function robotBody(v: Values): RobotBody {
  const platform = v.platform ?? 'wecom';
  const url = v.url?.trim();
  const secret = v.secret?.trim();
  const body: RobotBody = {
    name: v.name?.trim() ?? '',
    platform,
    language: v.language ?? 'zh-CN',
    kinds: orderedKinds(v.kinds ?? []),
    active: v.active ?? true,
  };
  if (url) body.url = url;
  if (signs(platform) && v.remove_secret) body.secret = '';
  else if (signs(platform) && secret) body.secret = secret;
  return body;
}

interface Props {
  /** The robot changed, 'new' to add one, null when closed. */
  robot: Robot | 'new' | null;
  onClose: () => void;
  onSaved: (saved: Robot, added: boolean) => void;
  /** 412: the robot changed meanwhile; the tab reads the robots again. */
  onStale: () => void;
}

/** 添加机器人 / 编辑机器人: the group, its platform, address and secret, language, kinds and whether it posts. */
export function RobotDrawer({ robot, onClose, onSaved, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form] = Form.useForm<Values>();
  const save = useSaveRobot();
  const adding = robot === 'new';
  const stored = robot && robot !== 'new' ? robot : null;
  const platform = Form.useWatch('platform', form) ?? stored?.platform ?? 'wecom';
  const removing = Form.useWatch('remove_secret', form) === true;

  const initialValues: Values = stored
    ? { name: stored.name, platform: stored.platform, language: stored.language, kinds: stored.kinds, active: stored.active, remove_secret: false }
    : { platform: 'wecom', language: isLanguage(i18n.language) ? i18n.language : 'zh-CN', kinds: [], active: true, remove_secret: false };

  async function submit(v: Values) {
    const body = robotBody(v);
    try {
      const saved = stored ? await save.mutateAsync({ id: stored.id, version: stored.version, body }) : await save.mutateAsync({ body });
      onSaved(saved, adding);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 412) return onStale();
      throw failure;
    }
  }

  const secretHelp = stored?.has_secret ? t('settings.robots.secretKeep') : t('settings.robots.secretHint');
  return (
    <FormDrawer<Values>
      open={robot !== null}
      title={adding ? t('settings.robots.new') : t('settings.robots.edit')}
      submitLabel={t('settings.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      failure={{ fieldName: topField }}
      name="robot"
      form={form}
      initialValues={initialValues}
      width={560}
    >
      <Form.Item
        name="name"
        label={t('settings.robots.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 100, message: t('settings.robots.nameLong') },
        ]}
      >
        <Input placeholder={t('settings.robots.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="platform" label={t('settings.robots.platform')} extra={t(`settings.robots.platformHelp.${platform}`)}>
        <Select options={ROBOT_PLATFORMS.map((p) => ({ value: p, label: t(`settings.robots.platforms.${p}`) }))} />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('settings.robots.url')}
        extra={stored ? t('settings.robots.urlKeep', { hint: stored.url_hint }) : t('settings.robots.urlHint')}
        rules={[
          { required: adding, whitespace: true, message: t('validation.required') },
          { pattern: /^https?:\/\/\S+$/, message: t('settings.robots.urlInvalid') },
        ]}
      >
        <Input placeholder={URL_EXAMPLE[platform]} autoComplete="off" spellCheck={false} />
      </Form.Item>
      {signs(platform) && (
        <Form.Item name="secret" label={t('settings.robots.secret')} extra={secretHelp}>
          <Input.Password autoComplete="new-password" disabled={removing} />
        </Form.Item>
      )}
      {signs(platform) && stored?.has_secret && (
        <Form.Item name="remove_secret" valuePropName="checked">
          <Checkbox>{t('settings.robots.removeSecret')}</Checkbox>
        </Form.Item>
      )}
      {/* A real radio group, named by the label; the field sits inside (its messages show on this item). */}
      <Form.Item label={<span id={`${id}-language`}>{t('settings.robots.language')}</span>} extra={t('settings.robots.languageHint')}>
        <div role="radiogroup" aria-labelledby={`${id}-language`}>
          <Form.Item name="language" noStyle>
            <Radio.Group
              optionType="button"
              options={LANGUAGES.map((language) => ({ value: language, label: <span lang={language}>{t(`language.${language}`)}</span> }))}
            />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item
        name="kinds"
        label={<span id={`${id}-kinds`}>{t('settings.robots.kinds')}</span>}
        extra={t('settings.robots.kindsHint')}
        rules={[{ type: 'array', min: 1, message: t('settings.robots.kindsRequired') }]}
      >
        <NoticeKindsField labelledBy={`${id}-kinds`} />
      </Form.Item>
      <Form.Item name="active" label={t('settings.robots.active')} valuePropName="checked" extra={t('settings.robots.activeHint')}>
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
