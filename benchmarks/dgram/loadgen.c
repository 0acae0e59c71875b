// Load generator for the dgram benchmark (benchmarks/dgram/run.sh). Linux, one thread.
//   loadgen pingpong PORT WARMUP_S SECONDS [INFLIGHT [PEERS]]  64-byte 'P' datagrams, INFLIGHT
//       in flight: each echo received is answered with a new ping. Prints the echo rate over
//       SECONDS (after WARMUP_S), how many datagrams never came back, and how many echoes
//       were not the 64 bytes sent. With PEERS (default 1) sockets, each its own source port,
//       the datagrams in flight are spread over them (INFLIGHT / PEERS each): the server's
//       replies then go to many addresses, interleaved, as a real server's do, and its GSO
//       batches (which only join consecutive datagrams to one address) shrink to what one
//       peer has in flight.
//   loadgen oneway PORT WARMUP_S SECONDS  blasts 64-byte 'O' datagrams; then asks the server
//       ('Q') how many it received in the measured window and prints that rate.
// On loopback the sender pays the kernel's cost of delivering each datagram, so a plain sender
// is as slow as the server it measures. The generator therefore sends with UDP GSO
// (UDP_SEGMENT): one send of n*64 bytes leaves the stack as n separate 64-byte datagrams at
// the server's socket (which does not use GRO), and reads with recvmmsg. Falls back to
// sendmmsg where the kernel lacks UDP_SEGMENT. In ping-pong it busy-polls its socket(s) (it owns
// its core), so that its own wake-up latency does not count against the server.
// With LOADGEN_SERVER_PID set, it also prints the server's CPU use during the measured window
// (all threads, from /proc/PID/stat) and the rate per server CPU-second: on a shared machine,
// the figure to compare.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define SIZE 64
#define BATCH 64
#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif

static int gso;  // whether UDP_SEGMENT is on
static char gsobuf[SIZE * BATCH];
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

// CPU seconds used so far by the server (LOADGEN_SERVER_PID, all threads), or -1.
static double server_cpu(void) {
  const char *pid = getenv("LOADGEN_SERVER_PID");
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
  return (double) (ut + st) / sysconf(_SC_CLK_TCK);
}

// Prints the server's CPU share of the window and the work per server CPU-second.
static void print_cpu(const char *what, double work, double secs, double cpu0, double cpu1) {
  if (cpu0 < 0 || cpu1 <= cpu0) return;
  printf("%s_server_cpu %.2f\n%s_per_cpu %.0f\n", what, (cpu1 - cpu0) / secs, what, work / (cpu1 - cpu0));
}

static void timeout(int fd, double s) {
  struct timeval tv = {(time_t) s, (suseconds_t) ((s - (time_t) s) * 1e6)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

static char rbufs[BATCH][2048];
static struct iovec riov[BATCH];
static struct mmsghdr rmsg[BATCH];
static char sbuf[SIZE];
static struct iovec siov;
static struct mmsghdr smsg[BATCH];

static void setup(void) {
  for (int i = 0; i < BATCH; i++) {
    riov[i].iov_base = rbufs[i];
    riov[i].iov_len = sizeof rbufs[i];
    rmsg[i].msg_hdr.msg_iov = &riov[i];
    rmsg[i].msg_hdr.msg_iovlen = 1;
    smsg[i].msg_hdr.msg_iov = &siov;
    smsg[i].msg_hdr.msg_iovlen = 1;
  }
  siov.iov_base = sbuf;
  siov.iov_len = SIZE;
}

static int send_n(int fd, int n) {
  if (gso) {
    for (;;) {
      ssize_t r = send(fd, gsobuf, (size_t) n * SIZE, 0);
      if (r >= 0) return n;
      if (errno == EINTR) continue;
      if (errno == ENOBUFS || errno == EAGAIN) return 0;
      perror("send");
      exit(1);
    }
  }
  int done = 0;
  while (done < n) {
    int r = sendmmsg(fd, smsg, n - done, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      perror("sendmmsg");
      exit(1);
    }
    done += r;
  }
  return done;
}

static void fill(char c) {
  memset(sbuf, c, SIZE);
  memset(gsobuf, c, sizeof gsobuf);
}

static long query(int fd) {
  char q = 'Q';
  char reply[64];
  timeout(fd, 1.0);
  for (int attempt = 0; attempt < 5; attempt++) {
    send(fd, &q, 1, 0);
    ssize_t n = recv(fd, reply, sizeof reply - 1, 0);
    if (n > 0) {
      reply[n] = 0;
      return atol(reply);
    }
  }
  fprintf(stderr, "no answer to query\n");
  exit(1);
}

static void pingpong(int *fds, int peers, double warm, double secs, int inflight) {
  fill('P');
  long sent = 0, recvd = 0, mark = -1, end_count = 0, bad = 0;
  double tmark = 0, tend_real = 0, cpu_mark = -1, cpu_end = -1;
  int ep = -1;
  if (peers > 1) {
    ep = epoll_create1(0);
    for (int i = 0; i < peers; i++) {
      struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
      if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev) < 0) {
        perror("epoll_ctl");
        exit(1);
      }
    }
  }
  // INFLIGHT spread over the peers: the first INFLIGHT % PEERS get one more.
  for (int p = 0; p < peers; p++) {
    int mine = inflight / peers + (p < inflight % peers);
    for (int i = 0; i < mine; i += BATCH) {
      sent += send_n(fds[p], mine - i < BATCH ? mine - i : BATCH);
    }
  }
  double t0 = now(), tstart = t0 + warm, tend = tstart + secs;
  double last = now();
  struct epoll_event events[256];
  int ready[256];
  for (;;) {
    int nready = 0;
    if (peers == 1) {
      ready[nready++] = 0;
    } else {
      int k = epoll_wait(ep, events, 256, 0);
      if (k < 0 && errno != EINTR) {
        perror("epoll_wait");
        exit(1);
      }
      for (int i = 0; i < k; i++) ready[nready++] = (int) events[i].data.u32;
    }
    int got = 0;
    for (int r = 0; r < nready; r++) {
      int p = ready[r];
      int n = recvmmsg(fds[p], rmsg, BATCH, MSG_DONTWAIT, NULL);
      if (n < 0) {
        if (errno != EAGAIN && errno != EINTR) {
          perror("recvmmsg");
          exit(1);
        }
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (rmsg[i].msg_len != SIZE || memcmp(rbufs[i], sbuf, SIZE) != 0) bad++;
      }
      recvd += n;
      got += n;
      if (now() < tend) sent += send_n(fds[p], n);
    }
    double t = now();
    if (got == 0) {
      if (t - last > 2.0) {
        fprintf(stderr, "stalled: no echo for 2 s (%ld in flight lost)\n", sent - recvd);
        break;
      }
      if (t < tend) continue;
    } else {
      last = t;
    }
    if (mark < 0 && t >= tstart) {
      mark = recvd;
      tmark = t;
      cpu_mark = server_cpu();
    }
    if (t >= tend) {
      end_count = recvd;
      tend_real = t;
      cpu_end = server_cpu();
      break;
    }
  }
  // Drain what is still in flight: anything missing now was lost.
  for (int p = 0; p < peers; p++) timeout(fds[p], 0.5);
  double drain_end = now() + 1.0;
  while (recvd < sent && now() < drain_end) {
    int progress = 0;
    for (int p = 0; p < peers; p++) {
      int n = recvmmsg(fds[p], rmsg, BATCH, MSG_DONTWAIT, NULL);
      if (n > 0) {
        recvd += n;
        progress = 1;
      }
    }
    if (!progress) usleep(1000);
  }
  double rate = mark < 0 || tend_real <= tmark ? 0 : (end_count - mark) / (tend_real - tmark);
  printf("pingpong_rate %.0f\nlost %ld\nbad %ld\n", rate, sent - recvd, bad);
  if (rate > 0) print_cpu("pingpong", (double) (end_count - mark), tend_real - tmark, cpu_mark, cpu_end);
}

static void blast(int fd, double secs, long *sent) {
  double end = now() + secs;
  while (now() < end) {
    for (int i = 0; i < 16; i++) {
      *sent += send_n(fd, BATCH);
    }
  }
}

static void oneway(int fd, double warm, double secs) {
  fill('O');
  long sent = 0;
  query(fd);
  blast(fd, warm, &sent);
  usleep(200000);
  query(fd);  // resets the server's count
  sent = 0;
  double cpu0 = server_cpu();
  double t0 = now();
  blast(fd, secs, &sent);
  double t1 = now();
  usleep(200000);
  double cpu1 = server_cpu();  // the server's work on the window's datagrams, queued ones included
  long got = query(fd);
  printf("oneway_rate %.0f\noneway_sent_rate %.0f\n", got / (t1 - t0), sent / (t1 - t0));
  print_cpu("oneway", (double) got, t1 - t0, cpu0, cpu1);
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s pingpong|oneway PORT WARMUP_S SECONDS [INFLIGHT [PEERS]]\n", argv[0]);
    return 2;
  }
  int port = atoi(argv[2]);
  double warm = atof(argv[3]), secs = atof(argv[4]);
  int inflight = argc > 5 ? atoi(argv[5]) : 64;
  int peers = argc > 6 ? atoi(argv[6]) : 1;
  if (peers < 1 || peers > 256 || peers > inflight) {
    fprintf(stderr, "PEERS must be 1..256 and at most INFLIGHT\n");
    return 2;
  }
  setup();
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  int fds[256];
  for (int p = 0; p < peers; p++) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int big = (peers == 1 ? 4 : 1) << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
    if (connect(fd, (struct sockaddr *) &to, sizeof to) < 0) {
      perror("connect");
      return 1;
    }
    int seg = SIZE;
    gso = getenv("NO_GSO") == NULL && setsockopt(fd, SOL_UDP, UDP_SEGMENT, &seg, sizeof seg) == 0;
    fds[p] = fd;
  }
  if (strcmp(argv[1], "pingpong") == 0) {
    pingpong(fds, peers, warm, secs, inflight);
  } else {
    oneway(fds[0], warm, secs);
  }
  return 0;
}
