/* test_report_atomic.c — an interrupted `migstat report` leaves every
 * report file either as the previous run wrote it or as this run writes
 * it, never half written. The run is stopped (MIGSTAT_TEST_PAUSE_BEFORE_
 * RENAME) with a file complete under its temporary name, checked, and
 * killed with SIGKILL; then killed again at random moments without the
 * hook. The input is generated: 5,000 figures. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "tmpdir.h"

static const char *const outputs[] = {"figures.jsonl", "report.md", "report.html", "report.json"};
#define N_OUTPUTS (sizeof outputs / sizeof outputs[0])

/* The file's bytes, or NULL when it does not exist. */
static char *slurp_or_null(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        ms_strbuf_append(&sb, buf, n);
    fclose(fp);
    *len = sb.len;
    ms_strbuf_putc(&sb, '\0');
    return ms_strbuf_detach(&sb);
}

typedef struct snapshot {
    char *data[N_OUTPUTS];
    size_t len[N_OUTPUTS];
} snapshot;

static void take(snapshot *s, const char *dir)
{
    for (size_t i = 0; i < N_OUTPUTS; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, outputs[i]);
        s->data[i] = slurp_or_null(path, &s->len[i]);
    }
}

static void drop(snapshot *s)
{
    for (size_t i = 0; i < N_OUTPUTS; i++)
        free(s->data[i]);
}

static bool same(const char *a, size_t alen, const char *b, size_t blen)
{
    if (!a || !b)
        return a == b;
    return alen == blen && memcmp(a, b, alen) == 0;
}

/* Writes a long-layout table of 5,000 counts; `shift` changes every value. */
static void write_input(const char *path, int shift)
{
    FILE *fp = fopen(path, "w");
    cr_assert_not_null(fp);
    fputs("source,published,metric,kind,place,subject,period,value,hedge\n", fp);
    for (int s = 0; s < 5; s++)
        for (int p = 0; p < 100; p++)
            for (int y = 2000; y < 2010; y++)
                fprintf(fp, "src-%d,2025-01-01,deportations,count,P%d%02d,foreign_citizens,%d,%d,none\n", s,
                        s, p, y, 1000 + s * 7 + p + y % 7 + shift);
    cr_assert_eq(fclose(fp), 0);
}

/* Starts `migstat report -q --no-charts -o out input` (pause: the hook's
 * value, or NULL). */
static pid_t start(const char *out, const char *input, const char *pause)
{
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        if (pause)
            setenv("MIGSTAT_TEST_PAUSE_BEFORE_RENAME", pause, 1);
        else
            unsetenv("MIGSTAT_TEST_PAUSE_BEFORE_RENAME");
        if (!freopen("/dev/null", "w", stderr))
            _exit(126);
        execl(MS_MIGSTAT_BIN, "migstat", "report", "-q", "--no-charts", "-o", out, input, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int run_to_end(const char *out, const char *input)
{
    int status;
    pid_t pid = start(out, input, NULL);
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Each final file is the old one or the new one, whole. */
static void assert_old_or_new(const char *out, const snapshot *old, const snapshot *fresh)
{
    snapshot now;
    take(&now, out);
    for (size_t i = 0; i < N_OUTPUTS; i++)
        cr_assert(same(now.data[i], now.len[i], old->data[i], old->len[i]) ||
                      same(now.data[i], now.len[i], fresh->data[i], fresh->len[i]),
                  "%s is neither the old nor the new file (%zu bytes)", outputs[i], now.len[i]);
    drop(&now);
}

/* Removes the temporary files a killed run leaves next to the outputs. */
static void remove_temps(const char *out)
{
    DIR *d = opendir(out);
    cr_assert_not_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp.")) {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", out, e->d_name);
            unlink(path);
        }
    closedir(d);
}

typedef struct fixture {
    char dir[64];
    char a[128], b[128], out[128], ref[128];
    snapshot old, fresh;
} fixture;

static void setup_fixture(fixture *f)
{
    snprintf(f->dir, sizeof f->dir, "/tmp/ms_report_atomic_XXXXXX");
    cr_assert_not_null(mkdtemp(f->dir));
    snprintf(f->a, sizeof f->a, "%s/a.csv", f->dir);
    snprintf(f->b, sizeof f->b, "%s/b.csv", f->dir);
    snprintf(f->out, sizeof f->out, "%s/out", f->dir);
    snprintf(f->ref, sizeof f->ref, "%s/ref", f->dir);
    write_input(f->a, 0);
    write_input(f->b, 1);
    cr_assert_eq(run_to_end(f->out, f->a), 0);
    /* the reference of the new run reads the same path as the run does */
    cr_assert_eq(run_to_end(f->ref, f->b), 0);
    take(&f->old, f->out);
    take(&f->fresh, f->ref);
    for (size_t i = 0; i < N_OUTPUTS; i++) {
        cr_assert_not_null(f->old.data[i], "%s not written", outputs[i]);
        cr_assert(!same(f->old.data[i], f->old.len[i], f->fresh.data[i], f->fresh.len[i]),
                  "the two runs must differ in %s", outputs[i]);
    }
}

static void teardown_fixture(fixture *f)
{
    drop(&f->old);
    drop(&f->fresh);
    test_rmtree(f->dir);
}

Test(report_atomic, a_run_killed_before_a_rename_leaves_the_old_file_whole)
{
    fixture f;
    setup_fixture(&f);
    for (size_t target = 0; target < N_OUTPUTS; target++) {
        pid_t pid = start(f.out, f.b, outputs[target]);
        int status;
        cr_assert_eq(waitpid(pid, &status, WUNTRACED), pid);
        cr_assert(WIFSTOPPED(status), "the run did not stop before renaming %s", outputs[target]);
        /* files before the target are new, the target and later ones old */
        snapshot now;
        take(&now, f.out);
        for (size_t i = 0; i < N_OUTPUTS; i++) {
            const snapshot *want = i < target ? &f.fresh : &f.old;
            cr_assert(same(now.data[i], now.len[i], want->data[i], want->len[i]), "%s while stopped at %s",
                      outputs[i], outputs[target]);
        }
        drop(&now);
        /* the new target is complete, under a temporary name only */
        DIR *d = opendir(f.out);
        cr_assert_not_null(d);
        struct dirent *e;
        size_t temps = 0;
        while ((e = readdir(d))) {
            if (!strstr(e->d_name, ".tmp."))
                continue;
            temps++;
            cr_assert_eq(strncmp(e->d_name, outputs[target], strlen(outputs[target])), 0,
                         "temporary file %s", e->d_name);
            char path[512];
            size_t len;
            snprintf(path, sizeof path, "%s/%s", f.out, e->d_name);
            char *data = slurp_or_null(path, &len);
            cr_assert(same(data, len, f.fresh.data[target], f.fresh.len[target]));
            free(data);
        }
        closedir(d);
        cr_assert_eq(temps, 1);
        kill(pid, SIGKILL);
        cr_assert_eq(waitpid(pid, &status, 0), pid);
        cr_assert(WIFSIGNALED(status));
        assert_old_or_new(f.out, &f.old, &f.fresh);
        remove_temps(f.out);
        /* back to the old state for the next target */
        cr_assert_eq(run_to_end(f.out, f.a), 0);
    }
    teardown_fixture(&f);
}

Test(report_atomic, a_run_killed_at_any_moment_leaves_whole_files)
{
    fixture f;
    setup_fixture(&f);
    srand((unsigned)time(NULL));
    for (int attempt = 0; attempt < 6; attempt++) {
        /* alternate the inputs so each attempt has an old and a new */
        const char *input = attempt % 2 ? f.a : f.b;
        const snapshot *old = attempt % 2 ? &f.fresh : &f.old, *fresh = attempt % 2 ? &f.old : &f.fresh;
        pid_t pid = start(f.out, input, NULL);
        struct timespec delay = {0, (long)(rand() % 400) * 1000000L};
        nanosleep(&delay, NULL);
        kill(pid, SIGKILL);
        int status;
        cr_assert_eq(waitpid(pid, &status, 0), pid);
        assert_old_or_new(f.out, old, fresh);
        remove_temps(f.out);
        /* finish the attempt's run so the next one starts from it */
        cr_assert_eq(run_to_end(f.out, input), 0);
    }
    teardown_fixture(&f);
}
