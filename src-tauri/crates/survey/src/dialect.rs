//! Recognising which survey tool wrote a file, and so how many header rows
//! it has and which of its columns are the tool's own metadata.

use crate::model::{QuestionKind, Tool};

/// How many leading rows the detector looks at.
pub const HEAD_ROWS: usize = 8;

/// The detected dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// The tool.
    pub tool: Tool,
    /// Header rows before the first respondent.
    pub header_rows: usize,
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

fn has(row: &[String], name: &str) -> bool {
    row.iter().any(|c| norm(c) == name)
}

fn first_is(row: &[String], name: &str) -> bool {
    row.first().is_some_and(|c| norm(c) == name)
}

/// Google Forms writes `Timestamp` in the form owner's language.
const GOOGLE_TIMESTAMPS: [&str; 10] = [
    "timestamp",
    "marca temporal",
    "horodateur",
    "zeitstempel",
    "carimbo de data/hora",
    "informazioni cronologiche",
    "отметка времени",
    "时间戳记",
    "dấu thời gian",
    "tijdstempel",
];

fn is_import_id(cell: &str) -> bool {
    let c = cell.trim_start();
    c.starts_with("{\"ImportId\"") || c.starts_with("{'ImportId'")
}

/// Detects the dialect from the first rows of the file.
pub fn detect(head: &[Vec<String>]) -> Dialect {
    let empty = Vec::new();
    let r0 = head.first().unwrap_or(&empty);
    let r1 = head.get(1).unwrap_or(&empty);
    let r2 = head.get(2).unwrap_or(&empty);
    let d = |tool, header_rows| Dialect { tool, header_rows };

    // Qualtrics: a third row of ImportId JSON, or the legacy V1, V2… row.
    let import_ids = r2.iter().filter(|c| is_import_id(c)).count();
    let filled = r2.iter().filter(|c| !c.trim().is_empty()).count();
    if import_ids > 0 && import_ids * 2 >= filled {
        return d(Tool::Qualtrics, 3);
    }
    let v_row = r0.len() >= 2 && norm(&r0[0]) == "v1" && norm(&r0[1]) == "v2";
    if v_row && (has(r1, "responseid") || has(r1, "response id")) {
        return d(Tool::Qualtrics, 2);
    }
    let qualtrics_meta = (has(r0, "responseid") || has(r0, "_recordid"))
        && (has(r0, "startdate") || has(r0, "ipaddress") || has(r0, "finished"));
    if qualtrics_meta {
        let labels = has(r1, "response id") || has(r1, "start date") || has(r1, "responseid");
        return d(Tool::Qualtrics, if labels { 2 } else { 1 });
    }

    // SurveyMonkey: RespondentID, and a second row of "Response" / options.
    let sm_id = has(r0, "respondentid") || has(r0, "respondent id");
    let sm_second = r1
        .iter()
        .any(|c| matches!(norm(c).as_str(), "response" | "open-ended response"));
    if sm_id && (sm_second || has(r0, "collector id") || has(r0, "collectorid")) {
        return d(Tool::SurveyMonkey, if sm_second { 2 } else { 1 });
    }

    // Tally before Jotform: both say "Submission".
    if has(r0, "submission id") && has(r0, "respondent id") && has(r0, "submitted at") {
        return d(Tool::Tally, 1);
    }
    if has(r0, "submission date") {
        return d(Tool::Jotform, 1);
    }

    // Typeform: "#" token column; some exports carry a group row above it.
    if first_is(r1, "#") && r0.first().is_some_and(|c| c.trim().is_empty()) {
        return d(Tool::Typeform, 2);
    }
    if first_is(r0, "#")
        || has(r0, "network id")
        || (has(r0, "start date (utc)") && has(r0, "submit date (utc)"))
    {
        return d(Tool::Typeform, 1);
    }

    if first_is(r0, "id") && has(r0, "start time") && has(r0, "completion time") {
        return d(Tool::MicrosoftForms, 1);
    }
    if has(r0, "序号") && has(r0, "提交答卷时间") {
        return d(Tool::Wenjuanxing, 1);
    }
    if r0
        .first()
        .is_some_and(|c| GOOGLE_TIMESTAMPS.contains(&norm(c).as_str()))
    {
        return d(Tool::GoogleForms, 1);
    }
    d(Tool::Generic, 1)
}

/// The header rows a tool always has, used when the tool is forced.
pub fn default_header_rows(tool: Tool, head: &[Vec<String>]) -> usize {
    let detected = detect(head);
    if detected.tool == tool {
        return detected.header_rows;
    }
    match tool {
        Tool::Qualtrics => 3,
        Tool::SurveyMonkey => 2,
        Tool::GoogleForms
        | Tool::Typeform
        | Tool::MicrosoftForms
        | Tool::Tally
        | Tool::Jotform
        | Tool::Wenjuanxing
        | Tool::Generic => 1,
    }
}

/// The kind of a column that is the tool's own metadata (ids, timestamps,
/// respondent contact data), by its header; `None` for survey questions.
pub fn metadata_kind(tool: Tool, header: &str) -> Option<QuestionKind> {
    use QuestionKind::{Datetime, Id, Personal};
    let h = norm(header);
    let h = h.as_str();
    match tool {
        Tool::Qualtrics => match h {
            "startdate" | "enddate" | "recordeddate" | "start date" | "end date"
            | "recorded date" => Some(Datetime),
            "status"
            | "progress"
            | "duration (in seconds)"
            | "finished"
            | "responseid"
            | "response id"
            | "responseset"
            | "distributionchannel"
            | "userlanguage"
            | "externalreference"
            | "externaldatareference"
            | "locationaccuracy"
            | "response type" => Some(Id),
            "ipaddress" | "recipientlastname" | "recipientfirstname" | "recipientemail"
            | "locationlatitude" | "locationlongitude" | "name" | "emailaddress" => Some(Personal),
            _ => None,
        },
        Tool::SurveyMonkey => match h {
            "respondentid" | "respondent id" | "collectorid" | "collector id" | "custom data 1"
            | "custom data" => Some(Id),
            "start date" | "end date" | "startdate" | "enddate" => Some(Datetime),
            "ip address" | "email address" | "first name" | "last name" => Some(Personal),
            _ => None,
        },
        Tool::Typeform => match h {
            "#" | "network id" | "token" => Some(Id),
            "start date (utc)" | "submit date (utc)" | "stage date (utc)" => Some(Datetime),
            _ => None,
        },
        Tool::MicrosoftForms => match h {
            "id" => Some(Id),
            "start time" | "completion time" | "last modified time" => Some(Datetime),
            "email" | "name" => Some(Personal),
            _ => None,
        },
        Tool::Tally => match h {
            "submission id" | "respondent id" => Some(Id),
            "submitted at" => Some(Datetime),
            _ => None,
        },
        Tool::Jotform => match h {
            "submission id" => Some(Id),
            "submission date" | "last update date" => Some(Datetime),
            "submission ip" => Some(Personal),
            _ => None,
        },
        Tool::Wenjuanxing => match h {
            "序号" | "所用时间" | "来源" | "来源详情" | "总分" => Some(Id),
            "提交答卷时间" => Some(Datetime),
            "来自ip" => Some(Personal),
            _ => None,
        },
        Tool::GoogleForms => {
            if GOOGLE_TIMESTAMPS.contains(&h) {
                Some(Datetime)
            } else {
                None
            }
        }
        Tool::Generic => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn recognises_each_tool_from_its_header() {
        let cases: Vec<(Vec<Vec<String>>, Tool, usize)> = vec![
            (
                rows(&[&["Timestamp", "Q"], &["1", "a"]]),
                Tool::GoogleForms,
                1,
            ),
            (
                rows(&[
                    &["Respondent ID", "Collector ID", "Q"],
                    &["", "", "Response"],
                ]),
                Tool::SurveyMonkey,
                2,
            ),
            (
                rows(&[&["Submission ID", "Respondent ID", "Submitted at", "Q"]]),
                Tool::Tally,
                1,
            ),
            (rows(&[&["Submission Date", "Name"]]), Tool::Jotform, 1),
            (
                rows(&[&["Id", "Start time", "Completion time", "Email", "Name", "Q"]]),
                Tool::MicrosoftForms,
                1,
            ),
            (rows(&[&["#", "Q", "Network ID"]]), Tool::Typeform, 1),
            (
                rows(&[&["序号", "提交答卷时间", "所用时间"]]),
                Tool::Wenjuanxing,
                1,
            ),
            (rows(&[&["a", "b"], &["1", "2"]]), Tool::Generic, 1),
        ];
        for (head, tool, header_rows) in cases {
            assert_eq!(detect(&head), Dialect { tool, header_rows }, "{head:?}");
        }
    }
}
