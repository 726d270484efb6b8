// Fill mode, Model Standard threshold (kept in the workbook) and the interface language.
import { Field, Radio, RadioGroup, SpinButton } from '@fluentui/react-components';
import type { Lang } from '../core';
import type { PaneSettings } from './host';
import type { Strings } from './i18n';
import { useShared } from './styles';

export type SettingsProps = {
  settings: PaneSettings;
  lang: Lang;
  t: Strings;
  onChange: (s: PaneSettings) => void;
  onLangChange: (l: Lang) => void;
};

export function Settings({ settings, lang, t, onChange, onLangChange }: SettingsProps) {
  const s = useShared();
  return (
    <section className={s.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={s.heading}>
        {t.settingsHeading}
      </h2>
      <Field label={t.fillMode}>
        <RadioGroup
          layout="horizontal"
          value={settings.mode}
          onChange={(_, d) => onChange({ ...settings, mode: d.value === 'values' ? 'values' : 'formulas' })}
        >
          <Radio value="formulas" label={t.modeFormulas} />
          <Radio value="values" label={t.modeValues} />
        </RadioGroup>
      </Field>
      <Field label={t.threshold}>
        <SpinButton
          value={settings.threshold}
          min={0}
          max={14}
          step={0.25}
          onChange={(_, d) => {
            const v = d.value ?? Number(String(d.displayValue ?? '').replace(',', '.'));
            if (typeof v === 'number' && Number.isFinite(v)) onChange({ ...settings, threshold: v });
          }}
        />
      </Field>
      <Field label={t.language}>
        <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => onLangChange(d.value === 'en' ? 'en' : 'ru')}>
          <Radio value="ru" label="Русский" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
    </section>
  );
}
