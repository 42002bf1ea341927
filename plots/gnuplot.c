/* gnuplot.c — the gnuplot process (ms_gnuplot_start/run/finish): started
 * by fork/execvpe (no shell) with -d and LC_ALL=C.UTF-8; its stdin is one end
 * of a socket pair (a dead gnuplot then gives EPIPE, not a SIGPIPE that would
 * kill migstat, and the library leaves signal handling alone); its stdout and
 * stderr are pipes. Every wait polls all three, so gnuplot never blocks on a
 * full pipe while we block on it. After each batch gnuplot prints a marker on
 * stderr: what it said before the marker belongs to the batch, and once the
 * marker is seen every command of the batch (an `unset output`) is done. */
/* execvpe, pipe2 and SOCK_CLOEXEC are GNU/Linux (close-on-exec set atomically) */
#define _GNU_SOURCE
#include "plots/plots.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT_S 60.0

struct ms_gnuplot {
    pid_t pid;
    int in_fd;          /* our end of gnuplot's stdin (a socket) */
    int out_fd;         /* gnuplot's stdout, -1 once closed */
    int err_fd;         /* gnuplot's stderr, -1 once closed */
    double timeout_s;
    unsigned batch_no;  /* numbers the markers */
    char nonce[24];     /* makes markers unguessable for text in a chart */
    bool dead;          /* exited or stopped answering: only finish() helps */
    bool hung;          /* did not answer in time: finish() kills at once */
    bool had_error;     /* a batch failed, so gnuplot will exit with 1 */
    ms_strbuf said;     /* stderr not yet handed to a batch */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Milliseconds until deadline for poll(), at least 1 and at most a minute
 * (callers loop and look at the clock again). */
static int poll_ms(double deadline)
{
    double left = (deadline - now_s()) * 1000.0;
    if (!(left > 1.0))
        return 1;
    return left > 60000.0 ? 60000 : (int)left + 1;
}

/* ------------------------------------------------------------ starting */

/* Is `name` an executable file, as given (with '/') or found in PATH? */
static bool find_program(const char *name)
{
    if (!*name)
        return false;
    if (strchr(name, '/'))
        return access(name, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    ms_strbuf cand;
    ms_strbuf_init(&cand);
    bool found = false;
    for (const char *dir = path; !found;) {
        const char *colon = strchr(dir, ':');
        size_t n = colon ? (size_t)(colon - dir) : strlen(dir);
        ms_strbuf_clear(&cand);
        if (n)
            ms_strbuf_append(&cand, dir, n);
        else
            ms_strbuf_putc(&cand, '.'); /* an empty PATH entry is the current folder */
        ms_strbuf_putc(&cand, '/');
        ms_strbuf_puts(&cand, name);
        found = !ms_strbuf_failed(&cand) && access(ms_strbuf_str(&cand), X_OK) == 0;
        if (!colon)
            break;
        dir = colon + 1;
    }
    ms_strbuf_free(&cand);
    return found;
}

/* The child's environment: ours with LC_ALL=C.UTF-8 (numbers with '.',
 * UTF-8 labels intact) and without GNUPLOT_LIB (no foreign script folder).
 * Built before fork so the child only calls exec. Free with free(). */
static char **child_environment(void)
{
    size_t n = 0; /* environ: declared by unistd.h under _GNU_SOURCE */
    while (environ && environ[n])
        n++;
    char **env = calloc(n + 2, sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "LC_ALL=", 7) != 0 && strncmp(environ[i], "GNUPLOT_LIB=", 12) != 0)
            env[k++] = environ[i];
    env[k++] = (char *)(uintptr_t) "LC_ALL=C.UTF-8";
    env[k] = NULL;
    return env;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Forks and execs prog -d with stdin = in[1], stdout = out[1], stderr =
 * err[1]. Returns the pid, or -1 with *exec_errno set (0: fork failed). */
static pid_t spawn(const char *prog, char **env, int in_child, int out_child, int err_child,
                   int *exec_errno)
{
    int report[2]; /* the child writes errno here if exec fails; exec closes it */
    *exec_errno = 0;
    if (pipe2(report, O_CLOEXEC) != 0)
        return -1;
    char *const argv[] = {(char *)(uintptr_t)prog, (char *)(uintptr_t) "-d", NULL};
    pid_t pid = fork();
    if (pid == 0) {
        /* child: only async-signal-safe calls from here on. The ends are
         * first moved above 2, in case migstat runs with 0, 1 or 2 closed
         * and one of them is such a number (dup2 would then clobber it). */
        int a = fcntl(in_child, F_DUPFD_CLOEXEC, 3), b = fcntl(out_child, F_DUPFD_CLOEXEC, 3),
            c = fcntl(err_child, F_DUPFD_CLOEXEC, 3);
        if (a < 0 || b < 0 || c < 0 || dup2(a, 0) < 0 || dup2(b, 1) < 0 || dup2(c, 2) < 0)
            _exit(127);
        execvpe(prog, argv, env);
        int e = errno;
        ssize_t w = write(report[1], &e, sizeof e);
        (void)w;
        _exit(127);
    }
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        return -1;
    }
    int e = 0;
    ssize_t n;
    while ((n = read(report[0], &e, sizeof e)) < 0 && errno == EINTR)
        ;
    close(report[0]);
    if (n == (ssize_t)sizeof e) { /* exec failed */
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        *exec_errno = e ? e : ENOEXEC;
        return -1;
    }
    return pid;
}

ms_status ms_gnuplot_start(ms_gnuplot **out, const char *program, double timeout_s, ms_strbuf *err)
{
    *out = NULL;
    const char *prog = program ? program : "gnuplot";
    if (!find_program(prog)) {
        ms_strbuf_printf(err, "gnuplot not found ('%s'): install the Debian package gnuplot-nox\n", prog);
        return MS_ERR_DEPENDENCY;
    }
    int in[2] = {-1, -1}, po[2] = {-1, -1}, pe[2] = {-1, -1};
    ms_gnuplot *gp = calloc(1, sizeof *gp);
    char **env = gp ? child_environment() : NULL;
    if (!gp || !env) {
        free(gp);
        free(env);
        return MS_ERR_NOMEM;
    }
    ms_status st = MS_OK;
    int exec_errno = 0;
    pid_t pid = -1;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0 || pipe2(po, O_CLOEXEC) != 0 ||
        pipe2(pe, O_CLOEXEC) != 0) {
        ms_strbuf_printf(err, "cannot make pipes for gnuplot: %s\n", strerror(errno));
        st = MS_ERR_IO;
    } else {
        pid = spawn(prog, env, in[1], po[1], pe[1], &exec_errno);
        if (pid < 0 && exec_errno) {
            ms_strbuf_printf(err, "cannot run '%s': %s; install the Debian package gnuplot-nox\n", prog,
                             strerror(exec_errno));
            st = MS_ERR_DEPENDENCY;
        } else if (pid < 0) {
            ms_strbuf_printf(err, "cannot start gnuplot: %s\n", strerror(errno));
            st = MS_ERR_IO;
        }
    }
    free(env);
    close_fd(&in[1]);
    close_fd(&po[1]);
    close_fd(&pe[1]);
    if (st != MS_OK) {
        close_fd(&in[0]);
        close_fd(&po[0]);
        close_fd(&pe[0]);
        free(gp);
        return st;
    }
    gp->pid = pid;
    gp->in_fd = in[0];
    gp->out_fd = po[0];
    gp->err_fd = pe[0];
    gp->timeout_s = timeout_s > 0 ? timeout_s : DEFAULT_TIMEOUT_S; /* NaN too */
    ms_strbuf_init(&gp->said);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(gp->nonce, sizeof gp->nonce, "%lx%lx", (unsigned long)ts.tv_nsec,
             (unsigned long)pid ^ (unsigned long)(uintptr_t)gp);
    /* a program that is not gnuplot, or a gnuplot that cannot run, shows
     * up here rather than at the first chart */
    static const char hello[] = "unset print\n";
    ms_strbuf said;
    ms_strbuf_init(&said);
    st = ms_gnuplot_run(gp, hello, sizeof hello - 1, &said);
    if (st != MS_OK) {
        ms_strbuf_printf(err, "'%s' did not answer as gnuplot does\n", prog);
        ms_strbuf_append(err, ms_strbuf_str(&said), said.len);
        ms_gnuplot_finish(gp, err);
        ms_strbuf_free(&said);
        return st;
    }
    ms_strbuf_free(&said);
    *out = gp;
    return MS_OK;
}

/* ------------------------------------------------------------ talking */

/* Reads what is available on *fd into sb (NULL: discard); closes *fd at end
 * of file or on an error. */
static void drain(int *fd, ms_strbuf *sb)
{
    char buf[4096];
    ssize_t n = read(*fd, buf, sizeof buf);
    if (n > 0) {
        if (sb)
            ms_strbuf_append(sb, buf, (size_t)n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        close_fd(fd);
    }
}

/* Where the line `marker` starts in gp->said, or NULL. Only a whole line
 * counts: gnuplot echoes a failing command (which may quote chart text)
 * indented. */
static const char *find_marker(const ms_gnuplot *gp, const char *marker)
{
    const char *all = ms_strbuf_str(&gp->said);
    size_t n = strlen(marker);
    for (const char *p = all; (p = strstr(p, marker)) != NULL; p++)
        if ((p == all || p[-1] == '\n') && p[n] == '\n')
            return p;
    return NULL;
}

/* Moves the first `len` bytes of gp->said to `to` and drops `skip` more. */
static void take_said(ms_gnuplot *gp, size_t len, size_t skip, ms_strbuf *to)
{
    ms_strbuf_append(to, ms_strbuf_str(&gp->said), len);
    ms_strbuf rest;
    ms_strbuf_init(&rest);
    ms_strbuf_puts(&rest, ms_strbuf_str(&gp->said) + len + skip);
    ms_strbuf_free(&gp->said);
    gp->said = rest;
}

/* Writes data to gnuplot and waits for the line `marker` on its stderr,
 * reading stdout (discarded) and stderr all the while. What gnuplot said
 * before the marker goes to *said. */
static ms_status exchange(ms_gnuplot *gp, const char *data, size_t len, const char *marker,
                          ms_strbuf *said)
{
    double deadline = now_s() + gp->timeout_s;
    for (;;) {
        const char *hit = find_marker(gp, marker);
        if (hit) {
            take_said(gp, (size_t)(hit - ms_strbuf_str(&gp->said)), strlen(marker) + 1, said);
            return MS_OK;
        }
        if (gp->err_fd < 0) { /* gnuplot exited (or closed stderr) */
            gp->dead = true;
            take_said(gp, gp->said.len, 0, said);
            ms_strbuf_puts(said, "gnuplot stopped before finishing the commands\n");
            return MS_ERR_EXTERNAL;
        }
        if (now_s() >= deadline) {
            gp->dead = gp->hung = true;
            take_said(gp, gp->said.len, 0, said);
            ms_strbuf_puts(said, "gnuplot did not answer within ");
            ms_strbuf_num(said, gp->timeout_s);
            ms_strbuf_puts(said, " s\n");
            return MS_ERR_EXTERNAL;
        }
        struct pollfd fds[3] = {
            {len ? gp->in_fd : -1, POLLOUT, 0},
            {gp->out_fd, POLLIN, 0},
            {gp->err_fd, POLLIN, 0},
        };
        int r = poll(fds, 3, poll_ms(deadline));
        if (r < 0 && errno != EINTR) {
            ms_strbuf_printf(said, "waiting for gnuplot: %s\n", strerror(errno));
            gp->dead = gp->hung = true;
            return MS_ERR_IO;
        }
        if (r <= 0)
            continue;
        if (len && fds[0].revents) {
            ssize_t n = send(gp->in_fd, data, len, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0) {
                data += n;
                len -= (size_t)n;
            } else if (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
                /* gnuplot stopped reading: it is exiting; its stderr says why */
                len = 0;
                gp->dead = true;
            }
        }
        if (fds[1].revents)
            drain(&gp->out_fd, NULL); /* only a failed `set output` writes here */
        if (fds[2].revents)
            drain(&gp->err_fd, &gp->said);
        if (ms_strbuf_failed(&gp->said)) {
            gp->dead = gp->hung = true;
            return MS_ERR_NOMEM;
        }
    }
}

/* gnuplot reading commands from a pipe reports an error and goes on with
 * the next command, so an error is found in what it wrote to stderr: a line
 * "line N: message" (after indentation) whose message is not a warning. */
static bool said_error(const char *text)
{
    for (const char *line = text; *line;) {
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "line ", 5) == 0) {
            const char *q = p + 5;
            while (*q >= '0' && *q <= '9')
                q++;
            if (q > p + 5 && q[0] == ':' && strncmp(q + 1, " warning:", 9) != 0)
                return true;
        }
        const char *nl = strchr(line, '\n');
        if (!nl)
            break;
        line = nl + 1;
    }
    return false;
}

ms_status ms_gnuplot_run(ms_gnuplot *gp, const char *commands, size_t len, ms_strbuf *err)
{
    if (gp->dead) {
        ms_strbuf_puts(err, "gnuplot is no longer running\n");
        return MS_ERR_EXTERNAL;
    }
    char marker[64];
    snprintf(marker, sizeof marker, "MS_SYNC_%s_%u", gp->nonce, ++gp->batch_no);
    /* the marker goes to stderr (unset print), after anything gnuplot said
     * about these commands; the leading newline ends a last line the
     * commands left open */
    ms_strbuf batch;
    ms_strbuf_init(&batch);
    ms_strbuf_append(&batch, commands, len);
    ms_strbuf_printf(&batch, "\nunset print\nprint '%s'\n", marker);
    if (ms_strbuf_failed(&batch)) {
        ms_strbuf_free(&batch);
        return MS_ERR_NOMEM;
    }
    ms_strbuf said;
    ms_strbuf_init(&said);
    ms_status st = exchange(gp, batch.data, batch.len, marker, &said);
    ms_strbuf_free(&batch);
    if (st == MS_OK && said_error(ms_strbuf_str(&said)))
        st = MS_ERR_EXTERNAL;
    if (st != MS_OK)
        gp->had_error = true;
    /* errors fail the batch; warnings are passed on too, for the caller */
    ms_strbuf_append(err, ms_strbuf_str(&said), said.len);
    ms_strbuf_free(&said);
    return st;
}

/* ------------------------------------------------------------ finishing */

ms_status ms_gnuplot_finish(ms_gnuplot *gp, ms_strbuf *err)
{
    if (!gp)
        return MS_OK;
    if (!gp->dead) /* best effort: closing stdin below ends gnuplot too */
        (void)send(gp->in_fd, "\nquit\n", 6, MSG_DONTWAIT | MSG_NOSIGNAL);
    close_fd(&gp->in_fd);
    if (gp->hung)
        kill(gp->pid, SIGKILL);
    /* read what is left (so gnuplot never blocks on a full pipe), then reap */
    double deadline = now_s() + gp->timeout_s;
    int status = 0;
    pid_t w = 0;
    while (now_s() < deadline) {
        if (gp->out_fd < 0 && gp->err_fd < 0) {
            w = waitpid(gp->pid, &status, WNOHANG);
            if (w != 0 && !(w < 0 && errno == EINTR))
                break;
            struct timespec ts = {0, 5 * 1000 * 1000};
            nanosleep(&ts, NULL);
            continue;
        }
        struct pollfd fds[2] = {{gp->out_fd, POLLIN, 0}, {gp->err_fd, POLLIN, 0}};
        if (poll(fds, 2, poll_ms(deadline)) <= 0)
            continue;
        if (fds[0].revents)
            drain(&gp->out_fd, NULL);
        if (fds[1].revents)
            drain(&gp->err_fd, &gp->said);
    }
    ms_status st = MS_OK;
    if (w == 0) {
        kill(gp->pid, SIGKILL);
        while (waitpid(gp->pid, &status, 0) < 0 && errno == EINTR)
            ;
        if (!gp->hung) { /* a hang was reported when it happened */
            ms_strbuf_puts(err, "gnuplot did not exit within ");
            ms_strbuf_num(err, gp->timeout_s);
            ms_strbuf_puts(err, " s and was stopped\n");
        }
        st = MS_ERR_EXTERNAL;
    } else if (w < 0) {
        ms_strbuf_printf(err, "cannot wait for gnuplot: %s\n", strerror(errno));
        st = MS_ERR_EXTERNAL;
    } else if (WIFSIGNALED(status)) {
        if (!gp->hung) /* we killed it: reported when it stopped answering */
            ms_strbuf_printf(err, "gnuplot was killed by signal %d\n", WTERMSIG(status));
        st = MS_ERR_EXTERNAL;
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        /* status 1 after a failed command: reported with its batch */
        if (!(gp->had_error && WEXITSTATUS(status) == 1))
            ms_strbuf_printf(err, "gnuplot exited with status %d\n", WEXITSTATUS(status));
        st = MS_ERR_EXTERNAL;
    }
    if (gp->said.len)
        ms_strbuf_append(err, gp->said.data, gp->said.len);
    close_fd(&gp->out_fd);
    close_fd(&gp->err_fd);
    ms_strbuf_free(&gp->said);
    free(gp);
    return st;
}
