/* test_gnuplot.c — the gnuplot process (plots/gnuplot.c), with the real
 * gnuplot: it starts and answers, a missing or broken program is named, an
 * error is reported with gnuplot's words and the process goes on, a silent
 * program is killed after the timeout, and floods of input and output do not
 * deadlock. Each test runs in a fresh folder. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plots/plots.h"
#include "workdir.h"

TestSuite(gnuplot, .init = workdir_enter, .fini = workdir_leave);

/* Copies fixtures/<name> into the test folder as an executable program
 * (so a lost exec bit in the checkout cannot change the test) and returns
 * its absolute path (static buffer). */
static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ms_status run(ms_gnuplot *gp, const char *commands, ms_strbuf *err)
{
    return ms_gnuplot_run(gp, commands, strlen(commands), err);
}

Test(gnuplot, starts_answers_and_finishes_cleanly)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp = NULL;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_not_null(gp);
    /* print goes to stderr, where migstat reads what gnuplot says */
    cr_assert_eq(run(gp, "print 6 * 7\n", &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_str_eq(ms_strbuf_str(&err), "42\n");
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK, "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(gnuplot, finishing_no_process_is_fine)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(ms_gnuplot_finish(NULL, &err), MS_OK);
    cr_assert_eq(err.len, 0);
    ms_strbuf_free(&err);
}

Test(gnuplot, a_missing_program_names_the_debian_package)
{
    const char *programs[] = {"/nonexistent/gnuplot", "ms-no-such-gnuplot-on-path", ""};
    for (size_t i = 0; i < 3; i++) {
        ms_strbuf err;
        ms_strbuf_init(&err);
        ms_gnuplot *gp = (ms_gnuplot *)&err; /* must be reset to NULL */
        cr_assert_eq(ms_gnuplot_start(&gp, programs[i], 5, &err), MS_ERR_DEPENDENCY, "%s", programs[i]);
        cr_assert_null(gp);
        cr_assert_not_null(strstr(ms_strbuf_str(&err), "gnuplot-nox"), "%s", ms_strbuf_str(&err));
        ms_strbuf_free(&err);
    }
}

Test(gnuplot, a_file_that_is_not_executable_is_a_missing_dependency)
{
    FILE *fp = fopen("gnuplot", "w");
    cr_assert_not_null(fp);
    fputs("not a program\n", fp);
    fclose(fp);
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, "./gnuplot", 5, &err), MS_ERR_DEPENDENCY);
    cr_assert_null(gp);
    ms_strbuf_free(&err);
}

Test(gnuplot, a_program_that_exits_at_once_is_an_external_failure)
{
    const char *programs[] = {"false", "true"}; /* found in PATH */
    for (size_t i = 0; i < 2; i++) {
        ms_strbuf err;
        ms_strbuf_init(&err);
        ms_gnuplot *gp = (ms_gnuplot *)&err;
        double t0 = seconds();
        cr_assert_eq(ms_gnuplot_start(&gp, programs[i], 20, &err), MS_ERR_EXTERNAL, "%s", programs[i]);
        cr_assert_lt(seconds() - t0, 10.0, "noticed the exit, did not wait for the timeout");
        cr_assert_null(gp);
        cr_assert_not_null(strstr(ms_strbuf_str(&err), programs[i]), "%s", ms_strbuf_str(&err));
        ms_strbuf_free(&err);
    }
}

Test(gnuplot, a_program_that_never_answers_is_killed_after_the_timeout)
{
    const char *silent = install_program("plot_silent_gnuplot.sh");
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    double t0 = seconds();
    cr_assert_eq(ms_gnuplot_start(&gp, silent, 0.5, &err), MS_ERR_EXTERNAL);
    double took = seconds() - t0;
    cr_assert_geq(took, 0.5);
    cr_assert_lt(took, 10.0, "the sleeping program was not killed (%.1f s)", took);
    cr_assert_null(gp);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "did not answer within 0.5 s"), "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(gnuplot, an_error_is_reported_in_gnuplots_words_and_the_process_goes_on)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    cr_assert_eq(run(gp, "plot $nosuchblock using 1:2\n", &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "nosuchblock"), "gnuplot said: %s", ms_strbuf_str(&err));
    ms_strbuf_clear(&err);
    cr_assert_eq(run(gp, "print 'still here'\n", &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_str_eq(ms_strbuf_str(&err), "still here\n");
    /* gnuplot exits with 1 after an error; that was already reported */
    ms_strbuf_clear(&err);
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_ERR_EXTERNAL);
    cr_assert_eq(err.len, 0, "reported twice: %s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(gnuplot, a_warning_is_passed_on_without_failing)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    static const char cmds[] = "set terminal svg\nset output '/dev/null'\n"
                               "$e << MS_END\n1 1\nMS_END\n$empty << MS_END\nMS_END\n"
                               "plot $e using 1:2, $empty using 1:2\nunset output\n";
    cr_assert_eq(run(gp, cmds, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "warning"), "%s", ms_strbuf_str(&err));
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK, "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(gnuplot, a_gnuplot_that_exits_midway_is_reported_with_its_status)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    cr_assert_eq(run(gp, "exit status 3\n", &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "stopped"), "%s", ms_strbuf_str(&err));
    ms_strbuf_clear(&err);
    cr_assert_eq(run(gp, "print 1\n", &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "no longer running"));
    ms_strbuf_clear(&err);
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "status 3"), "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(gnuplot, floods_of_input_and_output_do_not_deadlock)
{
    ms_strbuf err, cmds;
    ms_strbuf_init(&err);
    ms_strbuf_init(&cmds);
    /* gnuplot first writes ~640 KB to stderr, while migstat is still
     * sending ~750 KB of data: both far beyond pipe and socket buffers, so
     * each side blocks unless migstat reads while it writes (gnuplot reads
     * a pipe slowly, hence not more) */
    ms_strbuf_puts(&cmds, "do for [i=1:20000] { print sprintf('line %05d of a flood on stderr', i) }\n"
                          "$big << MS_END\n");
    for (int i = 0; i < 30000; i++)
        ms_strbuf_printf(&cmds, "%d %d 12345.5\n", 1700000000 + i, i);
    ms_strbuf_puts(&cmds, "MS_END\nstats $big using 2 nooutput\nprint STATS_records\n");
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 60, &err), MS_OK);
    cr_assert_eq(ms_gnuplot_run(gp, cmds.data, cmds.len, &err), MS_OK, "%.300s", ms_strbuf_str(&err));
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "line 00001 of a flood"));
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "line 20000 of a flood on stderr\n30000\n"));
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK);
    ms_strbuf_free(&cmds);
    ms_strbuf_free(&err);
}

Test(gnuplot, text_echoing_a_marker_does_not_end_a_batch_early)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    /* a failing command is echoed indented, with its quoted text */
    cr_assert_eq(run(gp, "foo 'MS_SYNC_0_2'\nprint 'after'\n", &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "after\n"), "%s", ms_strbuf_str(&err));
    ms_strbuf_clear(&err);
    cr_assert_eq(run(gp, "print 'next'\n", &err), MS_OK);
    cr_assert_str_eq(ms_strbuf_str(&err), "next\n");
    ms_gnuplot_finish(gp, &err);
    ms_strbuf_free(&err);
}
