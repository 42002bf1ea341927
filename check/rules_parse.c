/* rules_parse.c — rules files: a small recursive-descent parser, one rule
 * per line, in the spirit of R's validate. A bad rule is reported as
 * FILE:LINE:COLUMN: reason and the other lines are still read.
 *
 * Grammar (also in `migstat check --help`):
 *   line      = [ rule ] [ "#" comment ]
 *   rule      = side op side [ tolerance ]
 *             | side "in" "[" number "," number "]" [ tolerance ]
 *   op        = "<=" | "<" | "==" | ">=" | ">"
 *   tolerance = "~" number [ "%" ]
 *   side      = number
 *             | "sum" "(" dim [ "," conds ] ")"
 *             | kind "(" conds ")"
 *             | conds
 *   conds     = cond { "&" cond }
 *   cond      = metric | field ":" value
 *   field     = "metric" | "subject" | "place";   dim = "subject" | "place"
 *   kind      = "count" | "pct_change" | "abs_change" | "multiplier" | "share" | "ratio"
 * At most one side is a number and at most one a sum; the other side of a
 * sum names the whole (sum(subject) == subject:foreign_citizens).
 * Exports ms_ruleset_parse, ms_ruleset_free, ms_ruleset_count (check.h). */
#include "check/rules_file.h"
#include "core/grow.h"
#include "core/num.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *file;
    int64_t line;
    const char *s; /* the line, comment removed */
    size_t len;
    size_t pos;
    bool failed;   /* the first error of a line is the one reported */
    ms_diag *diag;
    ms_arena *arena;
    const ms_metric_registry *metrics;
} parser;

static bool fail(parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(parser *p, size_t at, const char *fmt, ...)
{
    if (!p->failed) {
        va_list ap;
        va_start(ap, fmt);
        ms_diag_vreport(p->diag, MS_SEV_ERROR, MS_ERR_DATA, p->file, p->line, (int64_t)at + 1,
                        fmt, ap);
        va_end(ap);
    }
    p->failed = true;
    return false;
}

static void skip_space(parser *p)
{
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
        p->pos++;
}

static char peek(parser *p)
{
    skip_space(p);
    return p->pos < p->len ? p->s[p->pos] : '\0';
}

/* Consumes c if it comes next. */
static bool accept(parser *p, char c)
{
    if (peek(p) != c)
        return false;
    p->pos++;
    return true;
}

/* What comes next, for messages: the next word or character, or "end of line". */
static const char *next_shown(parser *p, char *buf, size_t cap)
{
    skip_space(p);
    if (p->pos >= p->len)
        return "end of line";
    size_t n = 0;
    while (p->pos + n < p->len && n + 1 < cap && !isspace((unsigned char)p->s[p->pos + n]) &&
           (n == 0 || isalnum((unsigned char)p->s[p->pos + n]) || p->s[p->pos + n] == '_'))
        n++;
    memcpy(buf, p->s + p->pos, n);
    buf[n] = '\0';
    return buf;
}

static bool expect(parser *p, char c)
{
    if (accept(p, c))
        return true;
    char buf[32];
    return fail(p, p->pos, "expected '%c', found '%s'", c, next_shown(p, buf, sizeof buf));
}

/* A name [A-Za-z_][A-Za-z0-9_]* or, when value, [A-Za-z0-9_-]+ (RU-MOW).
 * Returns its length at *at (0 if none). */
static size_t word(parser *p, bool value, size_t *at)
{
    skip_space(p);
    *at = p->pos;
    size_t n = 0;
    while (p->pos + n < p->len) {
        char c = p->s[p->pos + n];
        bool ok = isalpha((unsigned char)c) || c == '_' ||
                  ((value || n > 0) && isdigit((unsigned char)c)) || (value && n > 0 && c == '-');
        if (!ok)
            break;
        n++;
    }
    return n;
}

static bool word_is(parser *p, size_t at, size_t n, const char *w)
{
    return strlen(w) == n && strncmp(p->s + at, w, n) == 0;
}

static bool number(parser *p, double *out)
{
    skip_space(p);
    size_t at = p->pos, n = 0;
    if (at < p->len && (p->s[at] == '-' || p->s[at] == '+'))
        n++;
    while (at + n < p->len &&
           (isdigit((unsigned char)p->s[at + n]) || p->s[at + n] == '.' ||
            ((p->s[at + n] == 'e' || p->s[at + n] == 'E') && n > 0) ||
            ((p->s[at + n] == '-' || p->s[at + n] == '+') &&
             (p->s[at + n - 1] == 'e' || p->s[at + n - 1] == 'E'))))
        n++;
    const char *s = p->s + at;
    size_t len = n;
    if (len && *s == '+') { /* ms_num_parse takes a '+' too; kept for clarity */
        s++;
        len--;
    }
    if (n == 0 || ms_num_parse(s, len, out, NULL, NULL) != MS_OK) {
        char buf[32];
        return fail(p, at, "expected a number, found '%s'", next_shown(p, buf, sizeof buf));
    }
    p->pos = at + n;
    return true;
}

static bool starts_number(parser *p)
{
    char c = peek(p);
    return isdigit((unsigned char)c) || c == '-' || c == '+' || c == '.';
}

static const char *const field_names[FIELD_COUNT_] = {"metric", "subject", "place"};

static bool set_field(parser *p, rule_side *side, rule_field f, size_t at, size_t n)
{
    if (side->field[f])
        return fail(p, at, "'%s' is named twice on one side", field_names[f]);
    if (f == FIELD_METRIC && p->metrics) {
        char name[128];
        size_t k = n < sizeof name - 1 ? n : sizeof name - 1;
        memcpy(name, p->s + at, k);
        name[k] = '\0';
        if (!ms_metric_find(p->metrics, name))
            return fail(p, at, "unknown metric '%s' (see data/metrics.tsv)", name);
    }
    side->field[f] = ms_arena_strndup(p->arena, p->s + at, n);
    return side->field[f] != NULL || fail(p, at, "out of memory");
}

/* cond = metric | field ":" value */
static bool cond(parser *p, rule_side *side)
{
    size_t at, n = word(p, false, &at);
    if (n == 0) {
        char buf[32];
        return fail(p, p->pos, "expected a metric or field:value, found '%s'",
                    next_shown(p, buf, sizeof buf));
    }
    p->pos = at + n;
    if (!accept(p, ':'))
        return set_field(p, side, FIELD_METRIC, at, n);
    for (int f = 0; f < FIELD_COUNT_; f++) {
        if (word_is(p, at, n, field_names[f])) {
            if (side->field[f])
                return fail(p, at, "'%s' is named twice on one side", field_names[f]);
            size_t vat, vn = word(p, true, &vat);
            if (vn == 0)
                return fail(p, p->pos, "expected a value after '%s:'", field_names[f]);
            p->pos = vat + vn;
            return set_field(p, side, (rule_field)f, vat, vn);
        }
    }
    return fail(p, at, "unknown field '%.*s' (metric, subject, place)", (int)n, p->s + at);
}

/* conds = cond { "&" cond } */
static bool conds(parser *p, rule_side *side)
{
    if (!cond(p, side))
        return false;
    while (accept(p, '&'))
        if (!cond(p, side))
            return false;
    return true;
}

/* side = number | "sum" "(" dim [ "," conds ] ")" | kind "(" conds ")" | conds */
static bool side(parser *p, rule_side *out)
{
    *out = (rule_side){.type = SIDE_FIGURES, .kind = MS_KIND_COUNT};
    if (starts_number(p)) {
        out->type = SIDE_NUMBER;
        return number(p, &out->number);
    }
    size_t at, n = word(p, false, &at);
    size_t after = at + n;
    /* a function call: the word is followed by '(' */
    size_t look = after;
    while (look < p->len && (p->s[look] == ' ' || p->s[look] == '\t'))
        look++;
    if (n == 0 || look >= p->len || p->s[look] != '(')
        return conds(p, out);
    p->pos = look + 1;
    if (word_is(p, at, n, "sum")) {
        out->type = SIDE_SUM;
        size_t dat, dn = word(p, false, &dat);
        if (word_is(p, dat, dn, "subject"))
            out->sum_dim = MS_PART_SUBJECT;
        else if (word_is(p, dat, dn, "place"))
            out->sum_dim = MS_PART_PLACE;
        else
            return fail(p, dat, "sum() adds up parts by 'subject' or 'place'");
        p->pos = dat + dn;
        if (accept(p, ',') && !conds(p, out))
            return false;
        return expect(p, ')');
    }
    char kname[32] = "";
    if (n < sizeof kname)
        memcpy(kname, p->s + at, n);
    if (!ms_kind_from_name(kname, &out->kind) || n == 0)
        return fail(p, at, "unknown function '%.*s' (sum or a kind: count, pct_change, "
                           "abs_change, multiplier, share, ratio)", (int)n, p->s + at);
    if (!conds(p, out))
        return false;
    return expect(p, ')');
}

static bool op(parser *p, ms_check_op *out)
{
    skip_space(p);
    static const struct { const char *text; ms_check_op op; } ops[] = {
        {"<=", MS_OP_LE}, {">=", MS_OP_GE}, {"==", MS_OP_EQ}, {"<", MS_OP_LT}, {">", MS_OP_GT},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if (p->pos + n <= p->len && strncmp(p->s + p->pos, ops[i].text, n) == 0) {
            p->pos += n;
            *out = ops[i].op;
            return true;
        }
    }
    char buf[32];
    return fail(p, p->pos, "expected <=, <, ==, >=, > or 'in', found '%s'",
                next_shown(p, buf, sizeof buf));
}

static ms_check_op mirrored(ms_check_op op)
{
    switch (op) {
    case MS_OP_LT: return MS_OP_GT;
    case MS_OP_LE: return MS_OP_GE;
    case MS_OP_GE: return MS_OP_LE;
    case MS_OP_GT: return MS_OP_LT;
    case MS_OP_EQ: break;
    }
    return op;
}

/* The shape the evaluator takes: sum on the left, number on the right; a
 * sum's other side names the whole. `at` is the start of the rule. */
static bool normalise(parser *p, rule *r, size_t at)
{
    if (r->in_range) {
        if (r->left.type != SIDE_FIGURES)
            return fail(p, at, "'in' takes figures on its left");
        if (r->lo > r->hi)
            return fail(p, at, "the range is empty (its first number is the greater)");
        return true;
    }
    if (r->left.type == SIDE_NUMBER || r->right.type == SIDE_SUM) {
        rule_side t = r->left;
        r->left = r->right;
        r->right = t;
        r->op = mirrored(r->op);
    }
    if (r->left.type == SIDE_NUMBER)
        return fail(p, at, "a rule compares figures: one side must name some");
    if (r->right.type == SIDE_SUM)
        return fail(p, at, "only one side can be a sum");
    if (r->left.type == SIDE_SUM) {
        rule_field whole = r->left.sum_dim == MS_PART_SUBJECT ? FIELD_SUBJECT : FIELD_PLACE;
        if (r->right.type != SIDE_FIGURES || !r->right.field[whole])
            return fail(p, at, "the other side of sum(%s) names the whole, e.g. %s",
                        field_names[whole],
                        whole == FIELD_SUBJECT ? "subject:foreign_citizens" : "place:RU");
        if (r->left.field[whole])
            return fail(p, at, "sum(%s) adds up every %s: it cannot also name one",
                        field_names[whole], field_names[whole]);
    }
    return true;
}

/* rule = side (op side | "in" "[" number "," number "]") [ "~" number [ "%" ] ] */
static bool parse_rule(parser *p, rule *r)
{
    skip_space(p);
    size_t at = p->pos;
    if (!side(p, &r->left))
        return false;
    size_t wat, wn = word(p, false, &wat);
    if (word_is(p, wat, wn, "in")) {
        p->pos = wat + wn;
        r->in_range = true;
        if (!expect(p, '[') || !number(p, &r->lo) || !expect(p, ',') || !number(p, &r->hi) ||
            !expect(p, ']'))
            return false;
    } else if (!op(p, &r->op) || !side(p, &r->right)) {
        return false;
    }
    if (accept(p, '~')) {
        r->has_tolerance = true;
        if (!number(p, &r->tolerance))
            return false;
        if (r->tolerance < 0)
            return fail(p, p->pos, "a tolerance is not negative");
        r->relative = accept(p, '%');
    }
    if (peek(p) != '\0') {
        char buf[32];
        return fail(p, p->pos, "unexpected '%s' after the rule", next_shown(p, buf, sizeof buf));
    }
    return normalise(p, r, at);
}

/* The rule's text (trimmed) and id "FILE:LINE" in the arena. */
static bool name_rule(parser *p, rule *r)
{
    size_t a = 0, b = p->len;
    while (a < b && isspace((unsigned char)p->s[a]))
        a++;
    while (b > a && isspace((unsigned char)p->s[b - 1]))
        b--;
    r->text = ms_arena_strndup(p->arena, p->s + a, b - a);
    char id[512];
    snprintf(id, sizeof id, "%s:%lld", p->file, (long long)p->line);
    r->id = ms_arena_strdup(p->arena, id);
    return r->text && r->id;
}

ms_status ms_ruleset_parse(const char *name, const char *text, size_t len,
                           const ms_metric_registry *metrics, ms_ruleset **out, ms_diag *diag)
{
    *out = NULL;
    ms_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs)
        return MS_ERR_NOMEM;
    ms_arena_init(&rs->arena);
    size_t cap = 0;
    bool bad = false;
    parser p = {.file = name ? name : "-", .diag = diag, .arena = &rs->arena, .metrics = metrics};
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        p.line++;
        p.s = text + start;
        p.len = end - start;
        const char *hash = memchr(p.s, '#', p.len);
        if (hash)
            p.len = (size_t)(hash - p.s);
        p.pos = 0;
        p.failed = false;
        const char *nul = memchr(p.s, '\0', p.len);
        if (nul)
            fail(&p, (size_t)(nul - p.s), "a NUL byte in the rule");
        else if (peek(&p) != '\0') {
            rule r = {0};
            rule *items = ms_grow(rs->items, &cap, rs->count, sizeof *items, 8);
            if (!items || !name_rule(&p, &r)) {
                ms_ruleset_free(rs);
                return MS_ERR_NOMEM;
            }
            rs->items = items;
            if (parse_rule(&p, &r))
                rs->items[rs->count++] = r;
        }
        bad = bad || p.failed;
        start = end + 1;
    }
    if (bad) {
        ms_ruleset_free(rs);
        return MS_ERR_DATA;
    }
    *out = rs;
    return MS_OK;
}

void ms_ruleset_free(ms_ruleset *rs)
{
    if (!rs)
        return;
    free(rs->items);
    ms_arena_free(&rs->arena);
    free(rs);
}

size_t ms_ruleset_count(const ms_ruleset *rs)
{
    return rs ? rs->count : 0;
}
