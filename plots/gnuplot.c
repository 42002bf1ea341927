/* gnuplot.c — the gnuplot process: started by fork/exec (no shell) with
 * -d, fed through a socket (so a dead gnuplot gives an error, not SIGPIPE),
 * its stdout and stderr read with poll() so neither can fill up and block.
 * After each batch of commands gnuplot prints a numbered marker on stdout;
 * waiting for that marker is how we know a chart file is complete. */
/* pipe2 and SOCK_CLOEXEC are Linux/GNU (close-on-exec set atomically) */
#define _GNU_SOURCE
#include "plots/plots.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct ms_gnuplot {
    pid_t pid;
    int in_fd;      /* our end of gnuplot's stdin (a socket) */
    int out_fd;     /* gnuplot's stdout */
    int err_fd;     /* gnuplot's stderr */
    double timeout_s;
    unsigned sync_no;
    bool dead;      /* gnuplot exited or failed; only finish() is allowed */
    ms_strbuf out;  /* stdout not yet matched */
    ms_strbuf err;  /* stderr since the last report */
};

/* Is `name` an executable file, directly or found in PATH? */
static bool find_program(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        char buf[4096];
        if (n + strlen(name) + 2 < sizeof buf) {
            memcpy(buf, n ? path : ".", n ? n : 1);
            size_t k = n ? n : 1;
            buf[k] = '/';
            strcpy(buf + k + 1, name);
            if (access(buf, X_OK) == 0)
                return true;
        }
        path += n + (colon ? 1 : 0);
        if (!colon)
            break;
    }
    return false;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

ms_status ms_gnuplot_start(ms_gnuplot **out, const char *program, double timeout_s, ms_strbuf *err)
{
    *out = NULL;
    const char *prog = program ? program : "gnuplot";
    if (!find_program(prog)) {
        ms_strbuf_printf(err, "gnuplot not found ('%s'): install the Debian package gnuplot-nox\n", prog);
        return MS_ERR_DEPENDENCY;
    }
    int sv[2], po[2], pe[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return MS_ERR_IO;
    if (pipe2(po, O_CLOEXEC) != 0) {
        close(sv[0]);
        close(sv[1]);
        return MS_ERR_IO;
    }
    if (pipe2(pe, O_CLOEXEC) != 0) {
        close(sv[0]);
        close(sv[1]);
        close(po[0]);
        close(po[1]);
        return MS_ERR_IO;
    }
    ms_gnuplot *gp = calloc(1, sizeof *gp);
    pid_t pid = gp ? fork() : -1;
    if (pid == 0) {
        /* child (migstat is single-threaded, so setenv before exec is safe) */
        dup2(sv[1], 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        /* numbers in a fixed form, UTF-8 labels intact */
        setenv("LC_ALL", "C.UTF-8", 1);
        unsetenv("GNUPLOT_LIB");
        char *const argv[] = {(char *)(uintptr_t)prog, (char *)(uintptr_t)"-d", NULL};
        execvp(prog, argv);
        _exit(127);
    }
    close(sv[1]);
    close(po[1]);
    close(pe[1]);
    if (pid < 0) {
        free(gp);
        close(sv[0]);
        close(po[0]);
        close(pe[0]);
        return gp ? MS_ERR_IO : MS_ERR_NOMEM;
    }
    gp->pid = pid;
    gp->in_fd = sv[0];
    gp->out_fd = po[0];
    gp->err_fd = pe[0];
    gp->timeout_s = timeout_s > 0 ? timeout_s : 60;
    ms_strbuf_init(&gp->out);
    ms_strbuf_init(&gp->err);
    *out = gp;
    /* a program that cannot run (exec failed, not gnuplot) shows up here */
    static const char hello[] = "unset print\n";
    ms_status st = ms_gnuplot_run(gp, hello, sizeof hello - 1, err);
    if (st != MS_OK) {
        ms_gnuplot_finish(gp, err);
        *out = NULL;
        return st == MS_ERR_EXTERNAL ? MS_ERR_DEPENDENCY : st;
    }
    return MS_OK;
}

static bool write_all(ms_gnuplot *gp, const char *data, size_t len)
{
    while (len) {
        ssize_t n = send(gp->in_fd, data, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* Reads what is available on fd into sb; false at end of file or error. */
static bool drain(int fd, ms_strbuf *sb)
{
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
        ms_strbuf_append(sb, buf, (size_t)n);
        return true;
    }
    return n < 0 && errno == EINTR;
}

/* Waits until `marker` appears on gnuplot's stderr; what came before it
 * is moved to *said. */
static ms_status wait_marker(ms_gnuplot *gp, const char *marker, ms_strbuf *said, ms_strbuf *err)
{
    double deadline = now_s() + gp->timeout_s;
    bool out_open = true, err_open = true;
    for (;;) {
        const char *all = ms_strbuf_str(&gp->err);
        const char *hit = strstr(all, marker);
        if (hit) {
            size_t before = (size_t)(hit - all), used = before + strlen(marker);
            ms_strbuf_append(said, all, before);
            ms_strbuf rest;
            ms_strbuf_init(&rest);
            ms_strbuf_puts(&rest, all + used);
            ms_strbuf_free(&gp->err);
            gp->err = rest;
            ms_strbuf_clear(&gp->out); /* gnuplot prints nothing we need on stdout */
            return MS_OK;
        }
        if (!err_open) {
            gp->dead = true;
            ms_strbuf_append(err, all, gp->err.len);
            ms_strbuf_clear(&gp->err);
            return MS_ERR_EXTERNAL;
        }
        double left = deadline - now_s();
        if (left <= 0) {
            ms_strbuf_printf(err, "gnuplot did not answer within %.0f s\n", gp->timeout_s);
            gp->dead = true;
            return MS_ERR_EXTERNAL;
        }
        struct pollfd fds[2] = {{gp->out_fd, out_open ? POLLIN : 0, 0}, {gp->err_fd, POLLIN, 0}};
        int r = poll(fds, 2, (int)(left * 1000) + 1);
        if (r < 0 && errno != EINTR)
            return MS_ERR_IO;
        if (r <= 0)
            continue;
        if (out_open && fds[0].revents)
            out_open = drain(gp->out_fd, &gp->out);
        if (fds[1].revents)
            err_open = drain(gp->err_fd, &gp->err);
    }
}

/* gnuplot reading commands from a pipe reports an error and goes on with
 * the next command, so an error is found in what it wrote to stderr: a
 * '"-", line N: message' line whose message is not a warning. */
static bool stderr_has_error(const ms_strbuf *text)
{
    const char *p = ms_strbuf_str(text);
    while ((p = strstr(p, "line ")) != NULL) {
        p += 5;
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q > p && q[0] == ':' && q[1] == ' ' && strncmp(q + 2, "warning:", 8) != 0)
            return true;
    }
    return false;
}

ms_status ms_gnuplot_run(ms_gnuplot *gp, const char *commands, size_t len, ms_strbuf *err)
{
    if (gp->dead)
        return MS_ERR_EXTERNAL;
    char marker[48];
    snprintf(marker, sizeof marker, "MS_SYNC_%u\n", ++gp->sync_no);
    ms_strbuf tail;
    ms_strbuf_init(&tail);
    /* the marker goes to stderr, after anything gnuplot said about these
     * commands: what comes before it in the stream belongs to this batch */
    ms_strbuf_printf(&tail, "\nunset print\nprint 'MS_SYNC_%u'\n", gp->sync_no);
    bool ok = !ms_strbuf_failed(&tail) && write_all(gp, commands, len) && write_all(gp, tail.data, tail.len);
    ms_strbuf_free(&tail);
    if (!ok) {
        gp->dead = true;
        ms_strbuf_puts(err, "gnuplot stopped reading commands\n");
        while (drain(gp->err_fd, &gp->err))
            ;
        ms_strbuf_append(err, gp->err.data ? gp->err.data : "", gp->err.len);
        ms_strbuf_clear(&gp->err);
        return MS_ERR_EXTERNAL;
    }
    ms_strbuf said;
    ms_strbuf_init(&said);
    ms_status st = wait_marker(gp, marker, &said, err);
    if (st == MS_OK && stderr_has_error(&said))
        st = MS_ERR_EXTERNAL;
    /* errors fail the batch; warnings are passed on too, for the caller to show */
    ms_strbuf_append(err, said.data ? said.data : "", said.len);
    ms_strbuf_free(&said);
    return st;
}

ms_status ms_gnuplot_finish(ms_gnuplot *gp, ms_strbuf *err)
{
    if (!gp)
        return MS_OK;
    if (!gp->dead)
        write_all(gp, "\nquit\n", 6);
    shutdown(gp->in_fd, SHUT_WR);
    close(gp->in_fd);
    /* read what is left (so gnuplot never blocks on a full pipe), then reap */
    double deadline = now_s() + gp->timeout_s;
    bool out_open = true, err_open = true;
    while ((out_open || err_open) && now_s() < deadline) {
        struct pollfd fds[2] = {{gp->out_fd, out_open ? POLLIN : 0, 0}, {gp->err_fd, err_open ? POLLIN : 0, 0}};
        int r = poll(fds, 2, 100);
        if (r <= 0)
            continue;
        if (out_open && fds[0].revents)
            out_open = drain(gp->out_fd, &gp->out);
        if (err_open && fds[1].revents)
            err_open = drain(gp->err_fd, &gp->err);
    }
    int status = 0;
    pid_t w = 0;
    while (now_s() < deadline && (w = waitpid(gp->pid, &status, WNOHANG)) == 0) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    ms_status st = MS_OK;
    if (w == 0) {
        kill(gp->pid, SIGKILL);
        waitpid(gp->pid, &status, 0);
        ms_strbuf_printf(err, "gnuplot did not exit within %.0f s and was stopped\n", gp->timeout_s);
        st = MS_ERR_EXTERNAL;
    } else if (w < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (!gp->dead) /* a failure already reported is not reported twice */
            ms_strbuf_printf(err, "gnuplot exited with status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        st = MS_ERR_EXTERNAL;
    }
    if (gp->err.len)
        ms_strbuf_append(err, gp->err.data, gp->err.len);
    close(gp->out_fd);
    close(gp->err_fd);
    ms_strbuf_free(&gp->out);
    ms_strbuf_free(&gp->err);
    free(gp);
    return st;
}
