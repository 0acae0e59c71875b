/*
 * netload: the load generator of benchmarks/net/run.sh. One thread, epoll, non-blocking sockets,
 * loopback only. It reports its own CPU use during each window so a reader can see that it was
 * not the bottleneck (well under 100% means it spent time waiting for the server).
 *
 *   netload rr   HOST PORT CONNS SIZE WARMUP_S WINDOW_S WINDOWS
 *       CONNS connections; each sends SIZE bytes, waits for the SIZE-byte echo, repeats.
 *       Prints round trips/s for each window and the median.
 *   netload bulk HOST PORT CHUNK WARMUP_S WINDOW_S WINDOWS
 *       One connection; sends CHUNK-byte writes as fast as the socket takes them and reads the
 *       echo. Prints echoed MB/s (10^6 bytes) per window and the median. The stream carries
 *       byte (offset % 251) at each offset; every byte echoed is checked, and at the end the
 *       echo must hold every byte sent. Exits with status 3 if nothing is echoed for 3 s (a
 *       stalled server), 4 if the echo differs or is short (lost data).
 *   netload halfclose HOST PORT COUNT SEED
 *       COUNT connections, one after the other, each a half-close with the echo in flight: it
 *       writes 3.5 to 5 MiB (every 8th: 64 KiB to 1 MiB) and half-closes (FIN), reading nothing
 *       but while its writes are blocked (else the pipeline would deadlock) and nothing for
 *       100 ms after its FIN. The server's echo fills the connection (a loopback socket holds
 *       about 4 MB in flight), so that the server reads the last data and the FIN while part
 *       of its echo waits for EPOLLOUT: the half-closed socket with pending writes (traced
 *       with strace, 6 to 13 connections in 30 met exactly that state). It then reads
 *       up to the server's FIN and checks that every byte came back. Prints a line per failure
 *       and "halfclose ok=N failed=M"; exits with status 4 if any failed. (Not the Netty
 *       4.2.13+ ENOENT loss: that needs a write issued after the FIN with nothing waiting for
 *       EPOLLOUT, which an echo server never makes; see README.)
 *   netload idle HOST PORT N
 *       Opens N idle connections (at most 256 connects in flight), prints "connected N", then
 *       waits until standard input closes or a line arrives, and closes them all (FIN).
 *   netload churn HOST PORT N
 *       Opens N connections, at most 64 at a time, and closes each (FIN) once connected: warms up
 *       the server's accept, set-up and teardown paths before the idle figure, so that its JIT
 *       compiles them then. (Not a reset: Node's one-line echo server has no 'error' listener and
 *       would exit on ECONNRESET. The TIME_WAITs left behind are reusable on loopback.)
 *
 * rr and bulk end cleanly (no RST): rr waits for the echoes in flight; bulk stops writing, waits
 * for the echo of every byte sent, then half-closes and reads up to the server's FIN.
 *
 * NETLOAD_NODELAY (0 or 1, required for rr, bulk and halfclose) is the TCP_NODELAY setting of the
 * generator's sockets: run.sh passes the same value to every server, so no library default decides.
 *
 * With NETLOAD_SERVER_PID set, the warm-up lasts until the server has also used WARMUP_S seconds
 * of CPU (at most 10 x WARMUP_S), and each window also reports the server's CPU use (all its threads,
 * from /proc/PID/stat) and the work per server CPU-second, the server's efficiency: on a machine
 * where other processes share the server's core, that figure is the one to compare.
 *
 * Built by run.sh with: gcc -O2 -o netload netload.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_EVENTS 512

static void die(const char *what) {
  perror(what);
  exit(1);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec / 1e6;
}

/* CPU seconds used so far by the server (all its threads), or -1 without NETLOAD_SERVER_PID.
   Divided into the work done, it gives work per server CPU-second: the server's efficiency,
   which stays meaningful when other processes share the server's core. */
static double server_cpu_seconds(void) {
  const char *pid = getenv("NETLOAD_SERVER_PID");
  if (pid == NULL || *pid == 0) return -1;
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%s/stat", pid);
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  unsigned long ut, st;
  if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
    return -1;
  return (double)(ut + st) / sysconf(_SC_CLK_TCK);
}

/* Prints one window's figure; returns the server's work per CPU-second (or 0). */
static double report(const char *what, int w, double work, double scale, const char *unit,
                     double secs, double cpu, double scpu) {
  double rate = work / secs / scale;
  printf("%s window %d: %.0f %s (generator cpu %.0f%%", what, w + 1, rate, unit, 100 * cpu / secs);
  double per = 0;
  if (scpu > 0) {
    per = work / scpu / scale;
    printf(", server cpu %.0f%%, %.0f per server cpu-second", 100 * scpu / secs, per);
  }
  printf(")\n");
  fflush(stdout);
  return per;
}

/* Whether the warm-up is over: WARMUP seconds have passed and, when the server's CPU time is
   known, the server has also used WARMUP CPU-seconds (so that its JIT is warm even when other
   processes share its core), or ten times WARMUP has passed. Checked at most every 100 ms. */
static int warmed(double t, double begin, double warmup, double scpu_begin, double *next_check) {
  if (t - begin < warmup || t < *next_check) return 0;
  *next_check = t + 0.1;
  double scpu = server_cpu_seconds();
  return scpu < 0 || scpu - scpu_begin >= warmup || t - begin >= 10 * warmup;
}

static struct sockaddr_in address(const char *host, int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  if (inet_pton(AF_INET, host, &a.sin_addr) != 1) {
    fprintf(stderr, "bad IPv4 address %s\n", host);
    exit(2);
  }
  return a;
}

static void nonblocking(int fd) {
  if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) die("fcntl");
}

/* NETLOAD_NODELAY: 0 or 1, required where data flows (no default decides the Nagle setting). */
static int nodelay_setting(void) {
  const char *v = getenv("NETLOAD_NODELAY");
  if (v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) {
    fprintf(stderr, "netload: set NETLOAD_NODELAY to 0 or 1\n");
    exit(2);
  }
  return atoi(v);
}

/* A blocking connect, then non-blocking: used for the few connections of rr, bulk, halfclose. */
static int connect_rcvbuf(const struct sockaddr_in *a, int rcvbuf) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) die("socket");
  if (rcvbuf > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  int nodelay = nodelay_setting();
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, sizeof nodelay) < 0) die("TCP_NODELAY");
  if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0) die("connect");
  nonblocking(fd);
  return fd;
}

static int connect_to(const struct sockaddr_in *a) { return connect_rcvbuf(a, 0); }

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

static double median(double *v, int n) {
  qsort(v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- rr ------------------------------------------------------------------------------------- */

static int rr(const char *host, int port, int conns, int size, double warmup, double window,
              int windows) {
  struct sockaddr_in a = address(host, port);
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  int *fds = calloc(conns, sizeof *fds);
  int *got = calloc(conns, sizeof *got);
  char *msg = malloc(size);
  char buf[65536];
  memset(msg, 'x', size);
  for (int i = 0; i < conns; i++) {
    fds[i] = connect_to(&a);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev) < 0) die("epoll_ctl");
  }
  for (int i = 0; i < conns; i++) {
    if (send(fds[i], msg, size, MSG_NOSIGNAL) != size) die("send");
  }
  double *rates = calloc(windows, sizeof *rates);
  double *pers = calloc(windows, sizeof *pers);
  unsigned long long count = 0, mark = 0;
  double t = now(), start = t, deadline = t + warmup, cpu0 = 0, scpu0 = 0;
  double begin = t, scpu_begin = server_cpu_seconds(), next_check = 0;
  int w = -1; /* -1: warming up */
  int draining = 0, outstanding = conns;
  struct epoll_event events[MAX_EVENTS];
  for (;;) {
    int n = epoll_wait(ep, events, MAX_EVENTS, 100);
    if (n < 0 && errno != EINTR) die("epoll_wait");
    for (int k = 0; k < n; k++) {
      int i = (int)events[k].data.u32;
      ssize_t r = recv(fds[i], buf, sizeof buf, 0);
      if (r <= 0) {
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        fprintf(stderr, "rr: connection %d %s\n", i, r == 0 ? "closed by server" : strerror(errno));
        return 1;
      }
      got[i] += (int)r;
      while (got[i] >= size) {
        got[i] -= size;
        count++;
        if (draining) {
          outstanding--;
        } else if (send(fds[i], msg, size, MSG_NOSIGNAL) != size) {
          die("send");
        }
      }
    }
    t = now();
    if (draining) {
      if (outstanding == 0 || t > deadline) break;
    } else if (w < 0 ? warmed(t, begin, warmup, scpu_begin, &next_check) : t >= deadline) {
      if (w >= 0) {
        double scpu = server_cpu_seconds();
        rates[w] = (count - mark) / (t - start);
        pers[w] = report("rr", w, count - mark, 1, "round trips/s", t - start, cpu_seconds() - cpu0,
                         scpu < 0 ? 0 : scpu - scpu0);
      }
      if (++w == windows) {
        /* Stop sending and wait for the echoes in flight, so no connection closes with unread
           data (that would send RST, and Node's pipe() has no 'error' listener). */
        draining = 1;
        deadline = t + 5;
        continue;
      }
      mark = count;
      start = t;
      cpu0 = cpu_seconds();
      scpu0 = server_cpu_seconds();
      deadline = t + window;
    }
  }
  for (int i = 0; i < conns; i++) close(fds[i]);
  printf("rr median=%.0f per_cpu_median=%.0f\n", median(rates, windows), median(pers, windows));
  return 0;
}

/* The stream's content: byte p is p % 251. Returns a pattern of n + 251 bytes, so that
   pattern + (offset % 251) holds the n bytes from offset on. */
static unsigned char *stream_pattern(size_t n) {
  unsigned char *p = malloc(n + 251);
  for (size_t i = 0; i < n + 251; i++) p[i] = (unsigned char)(i % 251);
  return p;
}

/* The first byte of buf (n bytes read at stream offset off) that is not the stream's, or -1. */
static long mismatch(const unsigned char *buf, const unsigned char *pattern,
                     unsigned long long off, ssize_t n) {
  const unsigned char *want = pattern + off % 251;
  if (memcmp(buf, want, n) == 0) return -1;
  for (ssize_t i = 0; i < n; i++) {
    if (buf[i] != want[i]) return (long)i;
  }
  return -1;
}

/* ---- bulk ----------------------------------------------------------------------------------- */

static int bulk(const char *host, int port, int chunk, double warmup, double window, int windows) {
  struct sockaddr_in a = address(host, port);
  int fd = connect_to(&a);
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = 0};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
  /* pattern[i] = i % 251: sending from pattern + (sent % 251) keeps stream byte p == p % 251. */
  unsigned char *pattern = malloc(chunk + 251);
  for (int i = 0; i < chunk + 251; i++) pattern[i] = (unsigned char)(i % 251);
  size_t rbufsize = 256 * 1024;
  unsigned char *rbuf = malloc(rbufsize);
  unsigned char *expect = stream_pattern(rbufsize);
  unsigned long long sent = 0, received = 0, mark = 0;
  double *rates = calloc(windows, sizeof *rates);
  double *pers = calloc(windows, sizeof *pers);
  double t = now(), start = t, deadline = t + warmup, cpu0 = 0, scpu0 = 0;
  double begin = t, scpu_begin = server_cpu_seconds(), next_check = 0;
  int w = -1, draining = 0;
  double progress = t;
  struct epoll_event events[4];
  for (;;) {
    int n = epoll_wait(ep, events, 4, 100);
    if (n < 0 && errno != EINTR) die("epoll_wait");
    for (int k = 0; k < n; k++) {
      if (events[k].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        for (int reads = 0; reads < 16; reads++) {
          ssize_t r = recv(fd, rbuf, rbufsize, 0);
          if (r < 0 && (errno == EAGAIN || errno == EINTR)) break;
          if (r == 0 && draining == 2) {
            if (received != sent) {
              fprintf(stderr, "bulk: LOST DATA: sent %llu bytes, %llu echoed before the server's FIN\n",
                      sent, received);
              return 4;
            }
            close(fd);
            printf("bulk median=%.0f per_cpu_median=%.0f\n", median(rates, windows),
                   median(pers, windows));
            return 0;
          }
          if (r <= 0) {
            fprintf(stderr, "bulk: %s%s with %llu bytes sent, %llu echoed\n",
                    r == 0 ? "LOST DATA: FIN from the server" : "recv: ",
                    r == 0 ? "" : strerror(errno), sent, received);
            return r == 0 ? 4 : 1;
          }
          long bad = mismatch(rbuf, expect, received, r);
          if (bad >= 0) {
            fprintf(stderr, "bulk: CORRUPT ECHO: byte %llu differs from the one sent (%llu sent, %llu echoed)\n",
                    received + bad, sent, received);
            return 4;
          }
          received += r;
          progress = now();
        }
      }
      if (!draining && events[k].events & EPOLLOUT) {
        for (;;) {
          ssize_t s = send(fd, pattern + sent % 251, chunk, MSG_NOSIGNAL);
          if (s < 0 && (errno == EAGAIN || errno == EINTR)) break;
          if (s < 0) die("send");
          sent += s;
          if (s < chunk) break;
        }
      }
    }
    t = now();
    if (t - progress > 3 && draining != 2) {
      printf("bulk stalled: no echo for 3 s; %llu bytes sent, %llu echoed\n", sent, received);
      return 3;
    }
    if (draining == 1 && received == sent) {
      draining = 2;
      shutdown(fd, SHUT_WR);
    }
    if (draining) {
      if (t > deadline) {
        fprintf(stderr, "bulk: %s 5 s after the last write (%llu bytes sent, %llu echoed)\n",
                draining == 1 ? "LOST DATA: the echo is incomplete" : "no FIN from the server",
                sent, received);
        return draining == 1 ? 4 : 1;
      }
    } else if (w < 0 ? warmed(t, begin, warmup, scpu_begin, &next_check) : t >= deadline) {
      if (w >= 0) {
        double scpu = server_cpu_seconds();
        rates[w] = (received - mark) / (t - start) / 1e6;
        pers[w] = report("bulk", w, received - mark, 1e6, "MB/s", t - start, cpu_seconds() - cpu0,
                         scpu < 0 ? 0 : scpu - scpu0);
      }
      if (++w == windows) {
        /* A clean end: stop sending, read the echo of everything sent, then half-close and
           read until the server's FIN. (Half-closing with megabytes still in flight would
           measure the servers' half-close paths, not their throughput.) */
        draining = 1;
        ev.events = EPOLLIN;
        epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
        deadline = t + 5;
        continue;
      }
      mark = received;
      start = t;
      cpu0 = cpu_seconds();
      scpu0 = server_cpu_seconds();
      deadline = t + window;
    }
  }
}

/* ---- halfclose ------------------------------------------------------------------------------ */

/* One connection: writes total bytes of the stream without reading (reading only while the writes
   have been blocked for 50 ms, or the pipeline would deadlock), half-closes, stays away 100 ms
   more, then reads to the server's FIN. Returns 0, or 1 after printing what went wrong. */
static int halfclose_one(const struct sockaddr_in *a, int iter, unsigned long long total,
                         const unsigned char *pattern, unsigned char *rbuf, size_t rbufsize) {
  /* A small receive buffer, set before the handshake so that the window stays small: the
     server's sends then block early, and its echo waits for EPOLLOUT while it reads our FIN,
     instead of vanishing into a loopback socket's auto-tuned megabytes. */
  int fd = connect_rcvbuf(a, 32 * 1024);
  unsigned long long sent = 0, received = 0;
  double t0 = now(), blocked_since = 0, progress = t0, fin_at = 0;
  int reading = 0, shut = 0;
  for (;;) {
    double t = now();
    if (!shut && sent == total) {
      shutdown(fd, SHUT_WR);
      shut = 1;
      fin_at = t;
    }
    /* Read only while the writes have been blocked for 50 ms (the pipeline is full: the server
       waits for EPOLLOUT and has stopped reading), and from 100 ms after the FIN on: meanwhile
       the server reads our last data and the FIN with its echo pending. */
    reading = shut ? t - fin_at >= 0.1 : blocked_since > 0 && t - blocked_since >= 0.05;
    struct pollfd p = {.fd = fd, .events = (shut ? 0 : POLLOUT) | (reading ? POLLIN : 0)};
    int n = poll(&p, 1, 20);
    if (n < 0 && errno != EINTR) die("poll");
    if (p.revents & POLLOUT) {
      size_t want = total - sent < 65536 ? (size_t)(total - sent) : 65536;
      ssize_t w = send(fd, pattern + sent % 251, want, MSG_NOSIGNAL);
      if (w > 0) {
        sent += w;
        blocked_since = 0;
      } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
        printf("halfclose %d: FAILED: send: %s after %llu of %llu bytes, %llu echoed\n", iter,
               strerror(errno), sent, total, received);
        close(fd);
        return 1;
      }
    } else if (!shut && blocked_since == 0) {
      blocked_since = t;
    }
    if (reading && (p.revents & (POLLIN | POLLERR | POLLHUP))) {
      ssize_t r = recv(fd, rbuf, rbufsize, 0);
      if (r > 0) {
        long bad = mismatch(rbuf, pattern, received, r);
        if (bad >= 0) {
          printf("halfclose %d: FAILED: CORRUPT ECHO at byte %llu (%llu of %llu sent, FIN %s)\n",
                 iter, received + bad, sent, total, shut ? "sent" : "not sent");
          close(fd);
          return 1;
        }
        received += r;
        progress = now();
      } else if (r == 0) {
        close(fd);
        if (received == total && shut) return 0;
        printf("halfclose %d: FAILED: LOST DATA: server's FIN after %llu of %llu bytes echoed "
               "(%llu sent, our FIN %s, %.3f s in)\n", iter, received, total, sent,
               shut ? "sent" : "not sent", now() - t0);
        return 1;
      } else if (errno != EAGAIN && errno != EINTR) {
        printf("halfclose %d: FAILED: recv: %s after %llu of %llu bytes echoed (%llu sent)\n",
               iter, strerror(errno), received, total, sent);
        close(fd);
        return 1;
      }
    }
    if (reading && now() - progress > 5 && (shut || blocked_since > 0)) {
      printf("halfclose %d: FAILED: STALLED: nothing for 5 s; %llu of %llu bytes echoed (%llu sent, "
             "our FIN %s)\n", iter, received, total, sent, shut ? "sent" : "not sent");
      close(fd);
      return 1;
    }
    if (!reading) progress = now();
  }
}

static int halfclose(const char *host, int port, int count, unsigned seed) {
  struct sockaddr_in a = address(host, port);
  size_t rbufsize = 256 * 1024;
  unsigned char *rbuf = malloc(rbufsize);
  unsigned char *pattern = stream_pattern(rbufsize);
  srand(seed);
  int failed = 0;
  for (int i = 0; i < count; i++) {
    /* 3.5 to 5 MiB: a loopback connection holds about 4 MB of echo in flight (the server's
       send buffer starts large with a 64 KiB MSS; ours receives 32 KiB), and the server's
       outbound buffer holds up to its high-water mark more (Nodus 256 KiB), so that around
       these sizes the FIN is read while the echo waits for EPOLLOUT. Every 8th is small: the
       plain case. */
    unsigned long long total = i % 8 == 7 ? (64 << 10) + (unsigned long long)rand() % (1 << 20)
        : (7ULL << 19) + (unsigned long long)(i % 16) * (96 << 10) + (unsigned long long)rand() % (96 << 10);
    failed += halfclose_one(&a, i + 1, total, pattern, rbuf, rbufsize);
  }
  printf("halfclose ok=%d failed=%d\n", count - failed, failed);
  return failed ? 4 : 0;
}

/* ---- idle and churn ------------------------------------------------------------------------- */

/* Opens total connections, at most inflight at a time. Each is kept in fds (idle) or, when fds
   is NULL, closed (FIN) as soon as it is connected (churn). Returns how many connected. */
static int connect_many(const char *what, const char *host, int port, int total, int inflight_max,
                        int *fds, double limit) {
  struct sockaddr_in a = address(host, port);
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  int opened = 0, connected = 0, inflight = 0;
  struct epoll_event events[MAX_EVENTS];
  double deadline = now() + limit;
  while (connected < total) {
    while (opened < total && inflight < inflight_max) {
      int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      if (fd < 0) die("socket (raise ulimit -n)");
      if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0 && errno != EINPROGRESS) die("connect");
      struct epoll_event ev = {.events = EPOLLOUT, .data.fd = fd};
      if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
      opened++;
      inflight++;
    }
    int n = epoll_wait(ep, events, MAX_EVENTS, 1000);
    if (n < 0 && errno != EINTR) die("epoll_wait");
    for (int k = 0; k < n; k++) {
      int fd = events[k].data.fd;
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err) {
        fprintf(stderr, "%s: connect: %s\n", what, strerror(err));
        exit(1);
      }
      epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
      if (fds) {
        fds[connected] = fd;
      } else {
        close(fd);
      }
      inflight--;
      connected++;
    }
    if (now() > deadline) {
      fprintf(stderr, "%s: only %d of %d connected after %.0f s\n", what, connected, total, limit);
      exit(1);
    }
  }
  close(ep);
  return connected;
}

static int idle(const char *host, int port, int total) {
  int *fds = calloc(total, sizeof *fds);
  int connected = connect_many("idle", host, port, total, 256, fds, 60);
  printf("connected %d\n", connected);
  fflush(stdout);
  char line[16];
  while (read(0, line, sizeof line) < 0 && errno == EINTR) {
  }
  for (int i = 0; i < total; i++) close(fds[i]);
  return 0;
}

static int churn(const char *host, int port, int total) {
  printf("churned %d\n", connect_many("churn", host, port, total, 64, NULL, 120));
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 9 && strcmp(argv[1], "rr") == 0) {
    return rr(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), atof(argv[6]), atof(argv[7]),
              atoi(argv[8]));
  }
  if (argc >= 8 && strcmp(argv[1], "bulk") == 0) {
    return bulk(argv[2], atoi(argv[3]), atoi(argv[4]), atof(argv[5]), atof(argv[6]),
                atoi(argv[7]));
  }
  if (argc >= 6 && strcmp(argv[1], "halfclose") == 0) {
    return halfclose(argv[2], atoi(argv[3]), atoi(argv[4]), (unsigned)atoi(argv[5]));
  }
  if (argc >= 5 && strcmp(argv[1], "idle") == 0) {
    return idle(argv[2], atoi(argv[3]), atoi(argv[4]));
  }
  if (argc >= 5 && strcmp(argv[1], "churn") == 0) {
    return churn(argv[2], atoi(argv[3]), atoi(argv[4]));
  }
  fprintf(stderr,
          "usage: netload rr HOST PORT CONNS SIZE WARMUP_S WINDOW_S WINDOWS\n"
          "       netload bulk HOST PORT CHUNK WARMUP_S WINDOW_S WINDOWS\n"
          "       netload halfclose HOST PORT COUNT SEED\n"
          "       netload idle HOST PORT N\n"
          "       netload churn HOST PORT N\n");
  return 2;
}
