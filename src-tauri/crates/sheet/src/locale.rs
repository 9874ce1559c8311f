//! The words a sheet adds around the persona's own content (footer, deck cover,
//! evidence notes and appendix), in the five languages of the app.
//!
//! The persona's content is the user's; these few words are ours, and an English
//! "Updated" under a Russian persona looks careless. The UI exports in its own
//! language; the CLI takes `--lang`.

use persona_model::{plain_number as number, EvidenceSource, SegmentFilter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language for the words the sheet adds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Locale {
    #[default]
    En,
    Zh,
    Ru,
    Vi,
    Lt,
}

impl Locale {
    /// From a language tag ("ru", "zh-CN", "lt_LT.UTF-8"); English when unknown.
    pub fn from_tag(tag: &str) -> Locale {
        let lang: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match lang.as_str() {
            "zh" => Locale::Zh,
            "ru" => Locale::Ru,
            "vi" => Locale::Vi,
            "lt" => Locale::Lt,
            _ => Locale::En,
        }
    }

    pub(crate) fn words(self) -> &'static Words {
        match self {
            Locale::En => &EN,
            Locale::Zh => &ZH,
            Locale::Ru => &RU,
            Locale::Vi => &VI,
            Locale::Lt => &LT,
        }
    }

    /// "5 personas" with the language's plural form.
    pub(crate) fn personas(self, n: usize) -> String {
        let word = match self {
            Locale::En => {
                if n == 1 {
                    "persona"
                } else {
                    "personas"
                }
            }
            Locale::Zh => "个画像",
            Locale::Vi => "chân dung",
            Locale::Ru => match (n % 10, n % 100) {
                (1, h) if h != 11 => "персона",
                (2..=4, h) if !(12..=14).contains(&h) => "персоны",
                _ => "персон",
            },
            Locale::Lt => match (n % 10, n % 100) {
                (1, h) if h != 11 => "persona",
                (2..=9, h) if !(12..=19).contains(&h) => "personos",
                _ => "personų",
            },
        };
        format!("{n} {word}")
    }

    /// A piece of evidence as one line of a note or the appendix, in this language.
    pub(crate) fn evidence_line(self, source: &EvidenceSource) -> String {
        let w = self.words();
        let within = |s: &Option<SegmentFilter>| match s {
            Some(seg) => fill(w.within, &[("segment", &seg.name)]),
            None => String::new(),
        };
        match source {
            EvidenceSource::Statistic {
                survey,
                options,
                segment,
                count,
                n,
                percent,
                ci_low,
                ci_high,
            } => format!(
                "{} — {}: {:.0}% ({}{}; {} {:.0}–{:.0}%)",
                survey.dataset_name,
                options.join(" / "),
                percent,
                fill(
                    w.count_of,
                    &[("count", &count.to_string()), ("n", &n.to_string())]
                ),
                within(segment),
                w.ci,
                ci_low,
                ci_high
            ),
            EvidenceSource::Distribution {
                survey, segment, n, ..
            } => format!(
                "{} — {} (n = {n}{})",
                survey.dataset_name,
                fill(w.distribution, &[("question", &survey.question_text)]),
                within(segment)
            ),
            EvidenceSource::NumericSummary {
                survey,
                segment,
                n,
                median,
                q1,
                q3,
                ..
            } => format!(
                "{} — {} (n = {n}{})",
                survey.dataset_name,
                fill(
                    w.median,
                    &[
                        ("median", &number(*median)),
                        ("q1", &number(*q1)),
                        ("q3", &number(*q3))
                    ]
                ),
                within(segment)
            ),
            EvidenceSource::Quote {
                survey,
                respondent,
                text,
            } => format!(
                "“{text}” — {}, {}",
                fill(w.respondent, &[("id", respondent)]),
                survey.dataset_name
            ),
            EvidenceSource::Manual { .. } => source.summary(),
        }
    }
}

/// Puts values into `{name}` places.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The words of one language. Places in braces are filled by [`fill`].
pub(crate) struct Words {
    pub updated: &'static str,
    pub cover_kicker: &'static str,
    pub cover_updated: &'static str,
    pub no_chart_data: &'static str,
    pub more_notes: &'static str,
    pub appendix_kicker: &'static str,
    pub appendix_footer: &'static str,
    pub continued: &'static str,
    pub coverage: &'static str,
    pub judged_rule: &'static str,
    pub judged: &'static str,
    pub assumptions: &'static str,
    pub removed: &'static str,
    pub removed_field: &'static str,
    pub archetype: &'static str,
    pub quote: &'static str,
    pub weak: &'static str,
    pub stale: &'static str,
    pub flag_assumption: &'static str,
    pub flag_weak: &'static str,
    pub flag_stale: &'static str,
    pub count_of: &'static str,
    pub ci: &'static str,
    pub within: &'static str,
    pub distribution: &'static str,
    pub median: &'static str,
    pub respondent: &'static str,
}

static EN: Words = Words {
    updated: "Updated {date}",
    cover_kicker: "PERSONAS",
    cover_updated: "updated {date}",
    no_chart_data: "No survey data linked yet",
    more_notes: "+ {count} more source notes (the project deck’s evidence appendix lists them all)",
    appendix_kicker: "EVIDENCE APPENDIX",
    appendix_footer: "Evidence appendix",
    continued: "Evidence · {name} (continued)",
    coverage: "evidence coverage  ·  fields supported: {supported} of {fields}  ·  on weak or stale evidence only: {weak}  ·  assumptions: {assumptions}",
    judged_rule: "Judged on {today}: weak below n = {min_n} or an interval wider than ±{half} points; stale when collected more than {days} days earlier.",
    judged: "Judged {date}",
    assumptions: "ASSUMPTIONS — NO EVIDENCE YET",
    removed: "EVIDENCE WHOSE FIELD WAS REMOVED",
    removed_field: "Removed field",
    archetype: "Archetype",
    quote: "Quote",
    weak: "weak",
    stale: "stale",
    flag_assumption: "assumption",
    flag_weak: "weak evidence",
    flag_stale: "stale evidence",
    count_of: "{count} of {n}",
    ci: "95% CI",
    within: " in {segment}",
    distribution: "distribution of “{question}”",
    median: "median {median}, IQR {q1}–{q3}",
    respondent: "respondent {id}",
};

static ZH: Words = Words {
    updated: "更新于 {date}",
    cover_kicker: "用户画像",
    cover_updated: "更新于 {date}",
    no_chart_data: "尚未关联调查数据",
    more_notes: "+ 另有 {count} 条来源注释（项目演示文稿的证据附录列出了全部）",
    appendix_kicker: "证据附录",
    appendix_footer: "证据附录",
    continued: "证据 · {name}（续）",
    coverage: "证据覆盖率  ·  有依据的字段：{supported} / {fields}  ·  仅有薄弱或过期证据：{weak}  ·  假设：{assumptions}",
    judged_rule: "评估日期 {today}：n 少于 {min_n} 或区间宽于 ±{half} 个百分点为薄弱；收集时间早于 {days} 天为过期。",
    judged: "评估于 {date}",
    assumptions: "假设 — 尚无证据",
    removed: "所属字段已删除的证据",
    removed_field: "已删除的字段",
    archetype: "原型",
    quote: "引言",
    weak: "薄弱",
    stale: "过期",
    flag_assumption: "假设",
    flag_weak: "证据薄弱",
    flag_stale: "证据过期",
    count_of: "{n} 人中 {count} 人",
    ci: "95% 置信区间",
    within: "，{segment} 中",
    distribution: "“{question}”的分布",
    median: "中位数 {median}，四分位距 {q1}–{q3}",
    respondent: "受访者 {id}",
};

static RU: Words = Words {
    updated: "Обновлено {date}",
    cover_kicker: "ПЕРСОНЫ",
    cover_updated: "обновлено {date}",
    no_chart_data: "Данные опроса ещё не привязаны",
    more_notes: "+ ещё примечаний: {count} (все они в приложении с доказательствами в презентации проекта)",
    appendix_kicker: "ПРИЛОЖЕНИЕ: ДОКАЗАТЕЛЬСТВА",
    appendix_footer: "Приложение: доказательства",
    continued: "Доказательства · {name} (продолжение)",
    coverage: "покрытие доказательствами  ·  подтверждено полей: {supported} из {fields}  ·  только со слабыми или устаревшими: {weak}  ·  предположений: {assumptions}",
    judged_rule: "Оценено {today}: слабые — n меньше {min_n} или интервал шире ±{half} п. п.; устаревшие — собраны более {days} дн. назад.",
    judged: "Оценено {date}",
    assumptions: "ПРЕДПОЛОЖЕНИЯ — ДОКАЗАТЕЛЬСТВ ПОКА НЕТ",
    removed: "ДОКАЗАТЕЛЬСТВА УДАЛЁННЫХ ПОЛЕЙ",
    removed_field: "Удалённое поле",
    archetype: "Архетип",
    quote: "Цитата",
    weak: "слабое",
    stale: "устаревшее",
    flag_assumption: "предположение",
    flag_weak: "слабые доказательства",
    flag_stale: "устаревшие доказательства",
    count_of: "{count} из {n}",
    ci: "95% ДИ",
    within: " в сегменте «{segment}»",
    distribution: "распределение ответов на «{question}»",
    median: "медиана {median}, МКР {q1}–{q3}",
    respondent: "респондент {id}",
};

static VI: Words = Words {
    updated: "Cập nhật {date}",
    cover_kicker: "CHÂN DUNG KHÁCH HÀNG",
    cover_updated: "cập nhật {date}",
    no_chart_data: "Chưa liên kết dữ liệu khảo sát",
    more_notes: "+ {count} chú thích nguồn khác (phụ lục bằng chứng của bộ trình chiếu dự án liệt kê đầy đủ)",
    appendix_kicker: "PHỤ LỤC BẰNG CHỨNG",
    appendix_footer: "Phụ lục bằng chứng",
    continued: "Bằng chứng · {name} (tiếp theo)",
    coverage: "độ bao phủ bằng chứng  ·  trường có căn cứ: {supported}/{fields}  ·  chỉ có bằng chứng yếu hoặc cũ: {weak}  ·  giả định: {assumptions}",
    judged_rule: "Đánh giá ngày {today}: yếu khi n dưới {min_n} hoặc khoảng tin cậy rộng hơn ±{half} điểm; cũ khi thu thập hơn {days} ngày trước.",
    judged: "Đánh giá {date}",
    assumptions: "GIẢ ĐỊNH — CHƯA CÓ BẰNG CHỨNG",
    removed: "BẰNG CHỨNG CỦA TRƯỜNG ĐÃ XÓA",
    removed_field: "Trường đã xóa",
    archetype: "Hình mẫu",
    quote: "Câu nói",
    weak: "yếu",
    stale: "cũ",
    flag_assumption: "giả định",
    flag_weak: "bằng chứng yếu",
    flag_stale: "bằng chứng cũ",
    count_of: "{count}/{n}",
    ci: "KTC 95%",
    within: " trong {segment}",
    distribution: "phân bố câu trả lời cho “{question}”",
    median: "trung vị {median}, IQR {q1}–{q3}",
    respondent: "người trả lời {id}",
};

static LT: Words = Words {
    updated: "Atnaujinta {date}",
    cover_kicker: "PERSONOS",
    cover_updated: "atnaujinta {date}",
    no_chart_data: "Apklausos duomenys dar nesusieti",
    more_notes: "+ dar šaltinių išnašų: {count} (visas jas pateikia projekto rinkinio įrodymų priedas)",
    appendix_kicker: "ĮRODYMŲ PRIEDAS",
    appendix_footer: "Įrodymų priedas",
    continued: "Įrodymai · {name} (tęsinys)",
    coverage: "įrodymų aprėptis  ·  pagrįsta laukų: {supported} iš {fields}  ·  tik su silpnais ar pasenusiais įrodymais: {weak}  ·  prielaidų: {assumptions}",
    judged_rule: "Įvertinta {today}: silpni, kai n mažesnis nei {min_n} arba intervalas platesnis nei ±{half} proc. punktų; pasenę, kai surinkta daugiau nei prieš {days} d.",
    judged: "Įvertinta {date}",
    assumptions: "PRIELAIDOS — ĮRODYMŲ DAR NĖRA",
    removed: "PAŠALINTŲ LAUKŲ ĮRODYMAI",
    removed_field: "Pašalintas laukas",
    archetype: "Archetipas",
    quote: "Citata",
    weak: "silpnas",
    stale: "pasenęs",
    flag_assumption: "prielaida",
    flag_weak: "silpni įrodymai",
    flag_stale: "pasenę įrodymai",
    count_of: "{count} iš {n}",
    ci: "95 % PI",
    within: " segmente „{segment}“",
    distribution: "atsakymų į „{question}“ pasiskirstymas",
    median: "mediana {median}, IQR {q1}–{q3}",
    respondent: "respondentas {id}",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_a_language_and_unknown_ones_fall_back_to_english() {
        assert_eq!(Locale::from_tag("ru"), Locale::Ru);
        assert_eq!(Locale::from_tag("zh-CN"), Locale::Zh);
        assert_eq!(Locale::from_tag("lt_LT.UTF-8"), Locale::Lt);
        assert_eq!(Locale::from_tag("vi"), Locale::Vi);
        assert_eq!(Locale::from_tag("de"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn persona_counts_take_the_plural_form_of_their_language() {
        assert_eq!(Locale::En.personas(1), "1 persona");
        assert_eq!(Locale::En.personas(3), "3 personas");
        assert_eq!(Locale::Ru.personas(1), "1 персона");
        assert_eq!(Locale::Ru.personas(3), "3 персоны");
        assert_eq!(Locale::Ru.personas(11), "11 персон");
        assert_eq!(Locale::Ru.personas(22), "22 персоны");
        assert_eq!(Locale::Lt.personas(1), "1 persona");
        assert_eq!(Locale::Lt.personas(5), "5 personos");
        assert_eq!(Locale::Lt.personas(10), "10 personų");
        assert_eq!(Locale::Lt.personas(15), "15 personų");
    }

    #[test]
    fn every_language_fills_every_place() {
        for l in [Locale::En, Locale::Zh, Locale::Ru, Locale::Vi, Locale::Lt] {
            let w = l.words();
            assert!(w.updated.contains("{date}") && w.judged.contains("{date}"));
            assert!(w.more_notes.contains("{count}"));
            for place in ["{supported}", "{fields}", "{weak}", "{assumptions}"] {
                assert!(w.coverage.contains(place), "{l:?} coverage lacks {place}");
            }
            for place in ["{today}", "{min_n}", "{half}", "{days}"] {
                assert!(w.judged_rule.contains(place), "{l:?} rule lacks {place}");
            }
            assert!(w.count_of.contains("{count}") && w.count_of.contains("{n}"));
            assert!(w.median.contains("{median}") && w.median.contains("{q3}"));
        }
    }
}
