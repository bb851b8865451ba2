//! What each source kind's publication is made of: where its publisher serves it, which files
//! make up one publication and which of them a publication cannot do without, and where a URL
//! source's copy lives in the cache. The reader ([`super::read`]), the URL poller
//! (`lists::fetch`), the reload gate (`lists::reload`) and the OFAC parser all ask here, so a
//! file OFAC adds or renames is one edit, not five that must agree.
//!
//! `scripts/fetch-lists.sh` is shell and keeps its own copy of the URLs and OFAC's file names;
//! a test below fails when the two part.

use std::path::{Path, PathBuf};

use crate::model::SourceKind;

/// How much a publication needs one of its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Without it there is nothing to read: the source is refused. The file a URL names.
    Required,
    /// Carries names or addresses the main file does not (OFAC's aliases are a third of its
    /// names): the reload gate refuses a publication without it unless the operator allows
    /// that (`--allow-missing-companions`), and refuses one where it shrank. Publishers put it
    /// beside the main file, and dated archives sometimes lack it, so the reader takes it when
    /// it is there.
    Companion,
    /// Read when present, never required (OFAC's continuation of long remarks).
    Optional,
}

/// One file of a publication made of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRole {
    /// Its name as the publisher spells it; the role it is read under. Matched
    /// case-insensitively, because mirrors and archives change the case.
    pub name: &'static str,
    pub need: Need,
}

impl FileRole {
    /// The name a dated archive gives the file: its stem in lower case, followed by the same
    /// suffix as the main file's (`sdn_2023-12-28.csv` beside `alt_2023-12-28.csv`).
    pub fn archive_prefix(&self) -> String {
        self.name.split('.').next().unwrap_or(self.name).to_ascii_lowercase()
    }
}

/// The files of one publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// One file, under whatever name the operator or the URL gives it.
    Single,
    /// Named files in one directory, the [`Need::Required`] one first. The order is also the
    /// order of the files in a fuzz input (`fuzzing::parse_ofac_bundle`), so the saved corpus
    /// depends on it.
    Set(&'static [FileRole]),
}

/// One source kind's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Where the publisher serves the current publication, polled when no source is configured.
    /// `None` where there is nothing fixed to poll: OFSI retired its list on 28 January 2026,
    /// and Japan's workbook changes its file name with each publication.
    pub official_url: Option<&'static str>,
    pub files: Files,
}

/// OFAC's legacy CSV export, by role.
pub mod ofac {
    pub const SDN: &str = "SDN.CSV";
    pub const ALT: &str = "ALT.CSV";
    pub const ADD: &str = "ADD.CSV";
    pub const SDN_COMMENTS: &str = "SDN_COMMENTS.CSV";
}

/// OFAC's SDN list: one row per entity in `SDN.CSV`, with aliases (`ALT.CSV`), addresses
/// (`ADD.CSV`) and remarks too long for the main file (`SDN_COMMENTS.CSV`) published beside it.
const OFAC_SDN_FILES: [FileRole; 4] = [
    FileRole { name: ofac::SDN, need: Need::Required },
    FileRole { name: ofac::ALT, need: Need::Companion },
    FileRole { name: ofac::ADD, need: Need::Companion },
    FileRole { name: ofac::SDN_COMMENTS, need: Need::Optional },
];

/// The layout of a kind. A `match`, so a new kind does not compile until it has one.
pub const fn of(kind: SourceKind) -> &'static Layout {
    match kind {
        SourceKind::CaSema => &Layout {
            official_url: Some(
                "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml",
            ),
            files: Files::Single,
        },
        SourceKind::UsOfacSdn => &Layout {
            official_url: Some("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"),
            files: Files::Set(&OFAC_SDN_FILES),
        },
        SourceKind::UkOfsi => &Layout { official_url: None, files: Files::Single },
        SourceKind::UkFcdo => &Layout {
            official_url: Some("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"),
            files: Files::Single,
        },
        SourceKind::EuFsf => &Layout {
            // The token is a fixed public string the Commission gives every downloader, not a
            // credential.
            official_url: Some(
                "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
            ),
            files: Files::Single,
        },
        SourceKind::JpMof => &Layout { official_url: None, files: Files::Single },
    }
}

/// The official publications, used when no source is configured at all: the lists a bank in
/// Canada, the US, the UK and the EU must screen today. In [`SourceKind::ALL`] order; built at
/// compile time from [`of`], which fails to compile if the count here is wrong.
pub const OFFICIAL: [(SourceKind, &str); 4] = {
    let mut out = [(SourceKind::CaSema, ""); 4];
    let (mut i, mut n) = (0, 0);
    while i < SourceKind::ALL.len() {
        if let Some(url) = of(SourceKind::ALL[i]).official_url {
            out[n] = (SourceKind::ALL[i], url);
            n += 1;
        }
        i += 1;
    }
    assert!(n == out.len(), "OFFICIAL must hold every kind that has an official URL");
    out
};

impl Layout {
    /// The files of a set, or none for a single-file publication.
    pub fn roles(&self) -> &'static [FileRole] {
        match self.files {
            Files::Single => &[],
            Files::Set(roles) => roles,
        }
    }

    /// The companions a publication must have (see [`Need::Companion`]).
    pub fn companions(&self) -> impl Iterator<Item = &'static str> {
        self.roles().iter().filter(|r| r.need == Need::Companion).map(|r| r.name)
    }

    /// Whether a publication is several files, read from a directory or from beside its main
    /// file, so that a change to any file there may be a new publication.
    pub fn is_set(&self) -> bool {
        matches!(self.files, Files::Set(_))
    }

    /// Where a URL source's copy is kept under `cache_dir`: the kind's own folder, holding the
    /// set's files for a set, and for a single file the URL's last path segment without a
    /// query (the EU's `…/content?token=…` is `publication`, having no extension to go by).
    pub fn cache_location(&self, kind: SourceKind, url: &str, cache_dir: &Path) -> PathBuf {
        let dir = cache_dir.join(kind.as_str());
        if self.is_set() {
            return dir;
        }
        let path = url.split(['?', '#']).next().unwrap_or(url);
        dir.join(path.rsplit('/').next().filter(|n| !n.is_empty() && n.contains('.')).unwrap_or("publication"))
    }

    /// For a set served by URL: (URL, file name, required) of each file. The URL names the
    /// required file and the others are beside it on the publisher's server, spelt in the same
    /// case as the URL's file (OFAC serves both `SDN.CSV` and `sdn.csv`). Missing companions
    /// are not an error here: the reload gate decides about them.
    pub fn remote_files(&self, url: &str) -> Vec<(String, &'static str, bool)> {
        let (base, name) = url.rsplit_once('/').unwrap_or(("", url));
        let upper = name.chars().next().is_some_and(char::is_uppercase);
        let mut out = Vec::new();
        for role in self.roles() {
            if role.need == Need::Required {
                out.push((url.to_string(), role.name, true));
            } else {
                let remote = if upper { role.name.to_string() } else { role.name.to_lowercase() };
                out.push((format!("{base}/{remote}"), role.name, false));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_has_one_required_file_first() {
        for kind in SourceKind::ALL {
            let roles = of(kind).roles();
            if of(kind).is_set() {
                assert_eq!(roles.first().map(|r| r.need), Some(Need::Required), "{kind}");
                assert_eq!(roles.iter().filter(|r| r.need == Need::Required).count(), 1, "{kind}");
            }
        }
    }

    #[test]
    fn the_cache_layout_is_the_one_caches_were_written_in() {
        let cache = Path::new("c");
        let at = |kind: SourceKind| of(kind).cache_location(kind, of(kind).official_url.unwrap_or_default(), cache);
        assert_eq!(at(SourceKind::UsOfacSdn), Path::new("c/us-ofac-sdn"));
        assert_eq!(at(SourceKind::CaSema), Path::new("c/ca-sema/sema-lmes.xml"));
        assert_eq!(at(SourceKind::UkFcdo), Path::new("c/uk-fcdo/UK-Sanctions-List.xml"));
        assert_eq!(at(SourceKind::EuFsf), Path::new("c/eu-fsf/publication"));
        let jp = of(SourceKind::JpMof).cache_location(SourceKind::JpMof, "https://x.jp/a/list.xlsx#top", cache);
        assert_eq!(jp, Path::new("c/jp-mof/list.xlsx"));
    }

    #[test]
    fn ofac_companions_follow_the_case_of_the_url() {
        let layout = of(SourceKind::UsOfacSdn);
        let upper = layout.remote_files("https://h/x/SDN.CSV");
        assert_eq!(upper[0], ("https://h/x/SDN.CSV".to_string(), "SDN.CSV", true));
        assert_eq!(upper[1], ("https://h/x/ALT.CSV".to_string(), "ALT.CSV", false));
        let lower = layout.remote_files("https://h/x/sdn.csv");
        assert_eq!(lower[3], ("https://h/x/sdn_comments.csv".to_string(), "SDN_COMMENTS.CSV", false));
        assert_eq!(layout.companions().collect::<Vec<_>>(), ["ALT.CSV", "ADD.CSV"]);
        assert_eq!(OFAC_SDN_FILES.map(|r| r.archive_prefix()), ["sdn", "alt", "add", "sdn_comments"]);
    }

    /// `scripts/fetch-lists.sh` downloads the same publications in shell; it must name the same
    /// URLs and, for OFAC, the same files.
    #[test]
    fn the_fetch_script_names_what_the_table_names() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/fetch-lists.sh");
        let script = std::fs::read_to_string(path).expect("scripts/fetch-lists.sh");
        for (kind, url) in OFFICIAL {
            match of(kind).files {
                Files::Single => assert!(script.contains(&format!("\"{url}\"")), "{kind}: {url} not in {path}"),
                Files::Set(roles) => {
                    let (base, _) = url.rsplit_once('/').expect("a URL with a path");
                    assert!(script.contains(&format!("\"{base}\"")), "{kind}: {base} not in {path}");
                    let names = roles.iter().map(|r| r.name).collect::<Vec<_>>().join(" ");
                    assert!(
                        script.contains(&format!("for f in {names}; do")),
                        "{kind}: `for f in {names}` not in {path}"
                    );
                }
            }
        }
    }
}
