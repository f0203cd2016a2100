/* SPDX-License-Identifier: Apache-2.0 */
/* The shared options, each defined once with its one wording: what they
 * mean, their values, how they are stored and checked. The CLI checks
 * these values itself, so its messages name the flag. */
#include "cli/common.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AT(f) offsetof(nv_common, f)
#define IN "Inputs"
#define AN "Analysis"
#define OUT "Output"
#define MSG "Messages"

void nv_common_init(nv_common *c, const char *prog, int report_kind)
{
    netvet_report_options ro = NETVET_REPORT_OPTIONS_INIT;
    memset(c, 0, sizeof(*c));
    c->prog = prog;
    c->report_kind = report_kind;
    c->report = ro;
    c->report.details_hint = "--details";
    c->diag.prog = prog;
    c->diag.limit = 50;
    c->top = 10;
    c->max_unknown = 0.01;
    c->progress = isatty(STDERR_FILENO);
}

/* "text, csv or json": the formats report `kind` comes in. */
static void format_list(int kind, char *buf, size_t size)
{
    const char *names[NV_CLI_FORMATS];
    size_t n = nv_cli_formats_of(kind, names), len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                i == 0 ? "" : i + 1 == n ? " or " : ", ",
                                names[i]);
}

int nv_cli_format(const char *prog, int kind, const char *value,
                  netvet_format *out)
{
    netvet_format f;
    if (netvet_format_parse(value, &f) == 0 &&
        (kind < 0 || netvet_report_check_format(kind, f, NULL) == 0)) {
        *out = f;
        return 0;
    }
    char list[128];
    format_list(kind, list, sizeof list);
    return nv_cli_fail(prog, "unknown --format '%s' (%s)", value, list);
}

static int set_format(const char *prog, const nv_opt *o, void *field,
                      const char *v)
{
    nv_common *c = field;
    (void)o;
    return nv_cli_format(prog, c->report_kind, v, &c->report.format);
}

static int set_fail_on(const char *prog, const nv_opt *o, void *field,
                       const char *v)
{
    static const char *const names[] = {"note", "warning", "error"};
    netvet_report_options *r = field;
    (void)o;
    for (int i = 0; i < 3; i++)
        if (!strcmp(v, names[i]))
            return r->fail_on = i, 0;
    if (!strcmp(v, "never"))
        return r->fail_on = -1, 0;
    return nv_cli_fail(prog, "unknown --fail-on '%s' (error, warning, note "
                             "or never)", v);
}

static int set_detail(const char *prog, const nv_opt *o, void *field,
                      const char *v)
{
    (void)o;
    if (!strcmp(v, "summary") || !strcmp(v, "full"))
        return *(int *)field = !strcmp(v, "full"), 0;
    return nv_cli_fail(prog, "unknown --detail '%s' (summary or full)", v);
}

static int set_trust(const char *prog, const nv_opt *o, void *field,
                     const char *v)
{
    static const char *const names[] = {"riskier", "evidence", "declared"};
    (void)o;
    for (int i = 0; i < 3; i++)
        if (!strcmp(v, names[i]))
            return *(int *)field = i, 0;
    return nv_cli_fail(prog, "unknown --trust '%s' (riskier, evidence or "
                             "declared)", v);
}

/* --max-unknown: a share, 0.01 or 1%. */
static int set_max_unknown(const char *prog, const nv_opt *o, void *field,
                           const char *v)
{
    char *end;
    (void)o;
    double x = strtod(v, &end);
    if (end != v && *end == '%' && end[1] == '\0')
        x /= 100, end++;
    if (end == v || *end || !(x >= 0 && x <= 1))
        return nv_cli_fail(prog, "--max-unknown '%s' is not a share between "
                                 "0 and 1 (e.g. 0.01 or 1%%)", v);
    *(double *)field = x;
    return 0;
}

const nv_opt nv_opt_policy = {
    .name = "policy", .arg = "PACK|FILE", .group = IN, .set = nv_set_list,
    .field = AT(policies), .max = 32, .flags = NV_OPT_FILE | NV_OPT_STDIN,
    .help = "Evaluate a built-in pack (by id) or a pack file ('-': read "
            "it from standard input). Default: the UK packs in force on "
            "the as-of date (uk-ncsc-2020; uk-dvd-2022 from 2022-10-13)."};
const nv_opt nv_opt_waivers = {
    .name = "waivers", .arg = "FILE", .group = IN, .set = nv_set_list,
    .field = AT(waivers), .max = 32, .flags = NV_OPT_FILE | NV_OPT_STDIN,
    .help = "Apply the waivers of FILE ('-': standard input; format: "
            "docs/waivers.md): a finding a waiver covers is marked waived "
            "and does not fail the run; an expired waiver, or one that "
            "covers nothing, is an error finding; a waiver naming an "
            "unknown rule or element is an error (exit 2)."};
const nv_opt nv_opt_registry = {
    .name = "registry", .arg = "FILE", .group = IN, .set = nv_set_list,
    .field = AT(registries), .max = 32,
    .flags = NV_OPT_FILE | NV_OPT_STDIN,
    .help = "Overlay a vendor registry file on the built-in one (add "
            "vendors, aliases, listings; '-': standard input)."};
const nv_opt nv_opt_trust = {
    .name = "trust", .arg = "WHAT", .values = "riskier|evidence|declared",
    .group = IN, .set = set_trust, .field = AT(trust),
    .help = "riskier (default): when the inventory has evidence columns "
            "(mac, sys_object_id, sys_descr, lldp_descr, cpe), assess the "
            "vendor the evidence shows (see netvet identify), except that "
            "where the declared vendor and the evidence disagree every rule "
            "judges the element by the reading under which it is riskier "
            "(either being high-risk makes it high-risk); each "
            "contradiction is an attribution-conflict warning naming both "
            "readings. evidence: the evidence's reading wins everywhere. "
            "declared: use only the declared vendor names."};
const nv_opt nv_opt_ieee_dir = {
    .name = "ieee-dir", .arg = "DIR", .group = IN, .set = nv_set_str,
    .field = AT(ieee_dir), .flags = NV_OPT_DIR,
    .help = "Directory with the IEEE oui.csv, mam.csv, oui36.csv and "
            "iab.csv (default: $NETVET_IEEE_DIR, else /usr/share/ieee-data, "
            "Debian's ieee-data)."};
const nv_opt nv_opt_enterprises = {
    .name = "enterprises", .arg = "FILE", .group = IN, .set = nv_set_str,
    .field = AT(enterprises), .flags = NV_OPT_FILE,
    .help = "IANA enterprise numbers, enterprises.tsv format (default: "
            "$NETVET_ENTERPRISES, else /usr/share/wireshark/enterprises.tsv, "
            "Debian's libwireshark-data). A default data file that is "
            "missing is a warning (that evidence is unused); a named one "
            "is an error."};
const nv_opt nv_opt_strict = {
    .name = "strict", .group = IN, .set = nv_set_on, .field = AT(strict),
    .help = "Treat the first bad input row as fatal (exit 2)."};
const nv_opt nv_opt_allow_skipped = {
    .name = "allow-skipped", .group = IN, .set = nv_set_on,
    .field = AT(allow_skipped),
    .help = "Input rows skipped as malformed do not make the verdict "
            "INCOMPLETE (they are still counted and warned about)."};
const nv_opt nv_opt_no_input_hash = {
    .name = "no-input-hash", .group = IN, .set = nv_set_on,
    .field = AT(no_input_hash),
    .help = "Do not hash the inventory's files: the report's provenance "
            "then gives their sizes without SHA-256. Hashing runs at idle "
            "priority from the load until the report: for a 168 MB "
            "inventory of a million elements it takes about 0.1 s of CPU "
            "time, and adds about 0.04 s to a run of about 0.29 s on two "
            "cores."};
const nv_opt nv_opt_as_of = {
    .name = "as-of", .arg = "DATE", .group = AN, .set = nv_set_str,
    .field = AT(as_of),
    .help = "Assess as of YYYY-MM-DD (default: today, UTC): rules apply "
            "from their effective date; planned elements count from their "
            "installed date; decommissioned elements never count."};
const nv_opt nv_opt_sources = {
    .name = "sources", .arg = "SEL", .group = AN, .set = nv_set_list,
    .field = AT(sources), .max = 32,
    .help = "Elements customers must reach: a function name or alias, or "
            "tag:NAME. Default: core. A selector that matches no element "
            "is an error (exit 2); with the default, no core element makes "
            "the verdict INCOMPLETE."};
const nv_opt nv_opt_max_unknown = {
    .name = "max-unknown", .arg = "SHARE", .group = AN,
    .set = set_max_unknown, .field = AT(max_unknown),
    .help = "Largest share of counted elements, or of their weight, whose "
            "vendor is not identified before the verdict is INCOMPLETE: "
            "0.01 or 1% (default 1%)."};
const nv_opt nv_opt_top = {
    .name = "top", .arg = "N", .group = AN, .set = nv_set_count,
    .field = AT(top),
    .help = "Single points of failure listed (default 10)."};
const nv_opt nv_opt_no_topology = {
    .name = "no-topology", .group = AN, .set = nv_set_on,
    .field = AT(no_topology),
    .help = "Skip exposure and dominators (shares and rules that need no "
            "links still run)."};
const nv_opt nv_opt_format = {
    .name = "format", .arg = "FMT", .group = OUT, .flags = NV_OPT_FORMATS,
    .set = set_format, .field = 0, /* the nv_common: report_kind */
    .help = "text (default; verdict first), json (schemas: "
            "docs/json-schema.md), and where the command has them: html "
            "(one self-contained page: docs/html-report.md), sarif (SARIF "
            "2.1.0: a result per finding and element at its line of the "
            "inventory), csv (a row per finding and element), junit (a test "
            "case per rule) or markdown (a summary for tickets)."};
const nv_opt nv_opt_details = {
    .name = "details", .shrt = 'v', .group = OUT, .set = nv_set_on,
    .field = AT(report.details),
    .help = "Text: after the verdict, what to do next, the rules and the "
            "findings, also print the packs' assumptions and the share, "
            "exposure and single-point-of-failure tables. JSON and SARIF: "
            "every element of every finding and (JSON) each customer's "
            "risk domains; without it they name at most 100 elements per "
            "finding, with the total (csv always lists them all)."};
const nv_opt nv_opt_detail = {
    .name = "detail", .arg = "LEVEL", .values = "summary|full", .group = OUT,
    .set = set_detail, .field = AT(report.details),
    .help = "summary (default) or full: --detail full is --details."};
const nv_opt nv_opt_output = {
    .name = "output", .shrt = 'o', .arg = "FILE", .group = OUT,
    .set = nv_set_str, .field = AT(output), .flags = NV_OPT_FILE,
    .help = "Write the report to FILE instead of standard output ('-': "
            "standard output). FILE is replaced only by a complete report "
            "(written to a temporary beside it, then renamed); after a "
            "failure, SIGINT or SIGTERM it is left as it was. A device such "
            "as /dev/null is written directly."};
const nv_opt nv_opt_output_dir = {
    .name = "output", .shrt = 'o', .arg = "DIR", .group = OUT,
    .set = nv_set_str, .field = AT(output), .flags = NV_OPT_DIR,
    .help = "Directory to write (created if missing; existing "
            "elements.csv and links.csv are replaced only once both new "
            "files are complete)."};
const nv_opt nv_opt_fail_on = {
    .name = "fail-on", .arg = "SEV", .values = "error|warning|note|never",
    .group = OUT, .set = set_fail_on, .field = AT(report),
    .help = "The gate: exit 1 when a finding is at least SEV: error "
            "(default), warning, note, or never (see EXIT STATUS). Without "
            "such a finding, an assessment that could not judge what it "
            "claims to is INCOMPLETE (exit 3)."};
const nv_opt nv_opt_timings = {
    .name = "timings", .group = OUT, .set = nv_set_on, .field = AT(timings),
    .help = "Print the time of each phase to standard error."};
const nv_opt nv_opt_max_warnings = {
    .name = "max-warnings", .arg = "N", .group = MSG, .set = nv_set_count,
    .field = AT(diag.limit),
    .help = "Input warnings printed (default 50; all are counted)."};
const nv_opt nv_opt_quiet = {
    .name = "quiet", .shrt = 'q', .group = MSG, .set = nv_set_on,
    .field = AT(diag.quiet), .help = "Do not print input warnings."};
const nv_opt nv_opt_progress = {
    .name = "progress", .group = MSG, .set = nv_set_on,
    .field = AT(progress),
    .help = "Show load progress on standard error (default when it is a "
            "terminal)."};
const nv_opt nv_opt_no_progress = {
    .name = "no-progress", .group = MSG, .set = nv_set_off,
    .field = AT(progress), .help = "Do not show load progress."};
const nv_opt nv_opt_help = {
    .name = "help", .shrt = 'h', .group = MSG, .set = nv_set_help,
    .help = "Show this help."};
