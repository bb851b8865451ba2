#!/usr/bin/env bash
# Downloads the current official publications into lists/ (or the folder given as $1), in the
# layout each source kind expects, and prints the `--source` flags that serve them:
#
#   lists/ca-sema/sema-lmes.xml             Canada, SEMA (Global Affairs Canada)
#   lists/us-ofac-sdn/SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV
#                                           US, OFAC SDN list with its companions (a directory)
#   lists/uk-fcdo/UK-Sanctions-List.xml     UK, FCDO UK Sanctions List
#   lists/eu-fsf/eu-fsf.xml                 EU, Financial Sanctions Files (XML 1.1)
#
# Japan's MOF workbook changes its file name with every publication: pass its current URL in
# JP_MOF_URL to fetch it too (the Ministry lists it on its page "経済制裁措置及び対象者リスト").
#
# Each file is downloaded to a temporary name beside its final one and renamed into place only
# when the download completed, so a server watching lists/ never reads half a file (and screener
# refuses a cut publication anyway). A failed download leaves the previous file where it was.
#
# These URLs are the ones screener polls when it runs with no --source; serving them by URL
# instead of from files is the other way to stay current. The URLs and OFAC's file names are a
# copy of the table in src/source/layout.rs (`of`, `OFFICIAL`): change them there too. Its test
# `the_fetch_script_names_what_the_table_names` fails when the two differ.
set -euo pipefail

dest="${1:-lists}"
command -v curl >/dev/null || { echo "fetch-lists.sh: curl is required" >&2; exit 1; }

CA_URL="https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml"
OFAC_BASE="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"
FCDO_URL="https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
# The token is a fixed public string the Commission gives every downloader, not a credential.
EU_URL="https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"

failed=0
# fetch URL PATH: downloads URL to PATH.partial, then renames it to PATH.
fetch() {
  local url="$1" path="$2" tmp="$2.partial"
  mkdir -p "$(dirname "$path")"
  if curl --fail --location --silent --show-error --retry 2 --max-time 600 -o "$tmp" "$url" && [ -s "$tmp" ]; then
    mv -f "$tmp" "$path"
    echo "fetch-lists.sh: $path ($(wc -c <"$path") bytes)" >&2
  else
    rm -f "$tmp"
    echo "fetch-lists.sh: could not download $url; $path left as it was" >&2
    failed=1
  fi
}

fetch "$CA_URL" "$dest/ca-sema/sema-lmes.xml"
for f in SDN.CSV ALT.CSV ADD.CSV SDN_COMMENTS.CSV; do
  fetch "$OFAC_BASE/$f" "$dest/us-ofac-sdn/$f"
done
fetch "$FCDO_URL" "$dest/uk-fcdo/UK-Sanctions-List.xml"
fetch "$EU_URL" "$dest/eu-fsf/eu-fsf.xml"
if [ -n "${JP_MOF_URL:-}" ]; then
  fetch "$JP_MOF_URL" "$dest/jp-mof/mof-asset-freeze.xlsx"
fi

echo "Serve them with:"
printf '  screener serve'
printf ' --source ca-sema=%s' "$dest/ca-sema/sema-lmes.xml"
printf ' --source us-ofac-sdn=%s' "$dest/us-ofac-sdn"
printf ' --source uk-fcdo=%s' "$dest/uk-fcdo/UK-Sanctions-List.xml"
printf ' --source eu-fsf=%s' "$dest/eu-fsf/eu-fsf.xml"
[ -n "${JP_MOF_URL:-}" ] && printf ' --source jp-mof=%s' "$dest/jp-mof/mof-asset-freeze.xlsx"
echo
exit "$failed"
