import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { DIMENSIONS, LEVELS } from '../lib/labels';

export interface ScoreValues {
  scores?: Partial<Schemas['Scores']>;
  remarks?: Schemas['Remarks'];
}

/** The six dimensions, each on the five-level scale, with an optional remark. */
export function ScoreFields({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {DIMENSIONS.map((d) => (
        <fieldset key={d} className="kehu-score" aria-label={t(`care.survey.dimensions.${d}`)}>
          <Form.Item
            name={['scores', d]}
            label={t(`care.survey.dimensions.${d}`)}
            rules={[{ required: true, message: t('care.survey.pick') }]}
            className="kehu-score__item"
          >
            <Radio.Group className={vertical ? 'kehu-score__levels kehu-score__levels--vertical' : 'kehu-score__levels'}>
              {LEVELS.map((n) => (
                <Radio key={n} value={n}>
                  {t(`care.survey.levels.${n}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name={['remarks', d]} className="kehu-score__remark">
            <Input placeholder={t('care.survey.remark')} aria-label={t('care.survey.remarkFor', { dimension: t(`care.survey.dimensions.${d}`) })} maxLength={500} />
          </Form.Item>
        </fieldset>
      ))}
    </>
  );
}

/** Trimmed remarks, empty ones left out. */
export function toRemarks(r: Schemas['Remarks'] | undefined): Schemas['Remarks'] {
  const out: Schemas['Remarks'] = {};
  for (const d of DIMENSIONS) {
    const text = r?.[d]?.trim();
    if (text) out[d] = text;
  }
  return out;
}

export function toScores(s: Partial<Schemas['Scores']> | undefined): Schemas['Scores'] {
  return {
    quality: s?.quality ?? 0,
    delivery: s?.delivery ?? 0,
    price: s?.price ?? 0,
    service: s?.service ?? 0,
    comparison: s?.comparison ?? 0,
    other: s?.other ?? 0,
  };
}
