// Load generator for the dgram benchmark (benchmarks/dgram/run.sh). Linux, one thread.
//   loadgen pingpong PORT WARMUP_S SECONDS [INFLIGHT]  64-byte 'P' datagrams, INFLIGHT in
//       flight: each echo received is answered with a new ping. Prints the echo rate over
//       SECONDS (after WARMUP_S), how many datagrams never came back, and how many echoes
//       were not the 64 bytes sent.
//   loadgen oneway PORT WARMUP_S SECONDS  blasts 64-byte 'O' datagrams; then asks the server
//       ('Q') how many it received in the measured window and prints that rate.
// On loopback the sender pays the kernel's cost of delivering each datagram, so a plain sender
// is as slow as the server it measures. The generator therefore sends with UDP GSO
// (UDP_SEGMENT): one send of n*64 bytes leaves the stack as n separate 64-byte datagrams at
// the server's socket (which does not use GRO), and reads with recvmmsg. Falls back to
// sendmmsg where the kernel lacks UDP_SEGMENT. In ping-pong it busy-polls its socket (it owns
// its core), so that its own wake-up latency does not count against the server.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void pingpong(int fd, double warm, double secs, int inflight) {
  fill('P');
  timeout(fd, 2.0);
  long sent = 0, recvd = 0, mark = -1, end_count = 0, bad = 0;
  double tmark = 0, tend_real = 0;
  for (int i = 0; i < inflight; i += BATCH) {
    sent += send_n(fd, inflight - i < BATCH ? inflight - i : BATCH);
  }
  double t0 = now(), tstart = t0 + warm, tend = tstart + secs;
  double last = now();
  for (;;) {
    int n = recvmmsg(fd, rmsg, BATCH, MSG_DONTWAIT, NULL);
    if (n < 0) {
      if (errno != EAGAIN && errno != EINTR) {
        perror("recvmmsg");
        exit(1);
      }
      if (now() - last > 2.0) {
        fprintf(stderr, "stalled: no echo for 2 s (%ld in flight lost)\n", sent - recvd);
        break;
      }
      continue;
    }
    last = now();
    for (int i = 0; i < n; i++) {
      if (rmsg[i].msg_len != SIZE || memcmp(rbufs[i], sbuf, SIZE) != 0) bad++;
    }
    recvd += n;
    double t = now();
    if (mark < 0 && t >= tstart) {
      mark = recvd;
      tmark = t;
    }
    if (t >= tend) {
      end_count = recvd;
      tend_real = t;
      break;
    }
    sent += send_n(fd, n);
  }
  // Drain what is still in flight: anything missing now was lost.
  timeout(fd, 0.5);
  while (recvd < sent) {
    int n = recvmmsg(fd, rmsg, BATCH, MSG_WAITFORONE, NULL);
    if (n <= 0) break;
    recvd += n;
  }
  double rate = mark < 0 || tend_real <= tmark ? 0 : (end_count - mark) / (tend_real - tmark);
  printf("pingpong_rate %.0f\nlost %ld\nbad %ld\n", rate, sent - recvd, bad);
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
  double t0 = now();
  blast(fd, secs, &sent);
  double t1 = now();
  usleep(200000);
  long got = query(fd);
  printf("oneway_rate %.0f\noneway_sent_rate %.0f\n", got / (t1 - t0), sent / (t1 - t0));
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s pingpong|oneway PORT WARMUP_S SECONDS [INFLIGHT]\n", argv[0]);
    return 2;
  }
  int port = atoi(argv[2]);
  double warm = atof(argv[3]), secs = atof(argv[4]);
  int inflight = argc > 5 ? atoi(argv[5]) : 64;
  setup();
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  int big = 4 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
  setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (connect(fd, (struct sockaddr *) &to, sizeof to) < 0) {
    perror("connect");
    return 1;
  }
  int seg = SIZE;
  gso = getenv("NO_GSO") == NULL && setsockopt(fd, SOL_UDP, UDP_SEGMENT, &seg, sizeof seg) == 0;
  if (strcmp(argv[1], "pingpong") == 0) {
    pingpong(fd, warm, secs, inflight);
  } else {
    oneway(fd, warm, secs);
  }
  return 0;
}
