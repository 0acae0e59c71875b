/*
 * cecho: a minimal one-thread epoll echo server in C, the ceiling that run.sh measures to show
 * that the load generator is not the bottleneck (if netload drives this server faster than the
 * others, the others were limited by themselves). Level-triggered; when the peer does not read,
 * the unsent rest is kept and reading stops until the socket drains (the same backpressure as
 * Node's pipe).
 *
 *   cecho HOST PORT NODELAY      prints "listening PORT" once bound. NODELAY (0 or 1) is set
 *                                on every accepted socket; the backlog is Node's (511).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF 65536

struct conn {
  int fd;
  int off, len; /* unsent bytes pending[off, len) */
  char *pending; /* only while the peer does not read: idle connections cost a few bytes */
};

static char rbuf[BUF];

static void die(const char *what) {
  perror(what);
  exit(1);
}

static void drop(int ep, struct conn *c) {
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  free(c->pending);
  free(c);
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[3], "0") != 0 && strcmp(argv[3], "1") != 0)) {
    fprintf(stderr, "usage: cecho HOST PORT NODELAY(0|1)\n");
    return 2;
  }
  int nodelay = atoi(argv[3]);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(atoi(argv[2]));
  inet_pton(AF_INET, argv[1], &a.sin_addr);
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
  if (listen(lfd, 511) < 0) die("listen");
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
  printf("listening %s (nodelay %d)\n", argv[2], nodelay);
  fflush(stdout);
  struct epoll_event events[512];
  for (;;) {
    int n = epoll_wait(ep, events, 512, -1);
    if (n < 0 && errno != EINTR) die("epoll_wait");
    for (int k = 0; k < n; k++) {
      struct conn *c = events[k].data.ptr;
      if (c == NULL) {
        int fd;
        while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, sizeof nodelay) < 0) die("TCP_NODELAY");
          struct conn *nc = malloc(sizeof *nc);
          nc->fd = fd;
          nc->off = nc->len = 0;
          nc->pending = NULL;
          struct epoll_event cev = {.events = EPOLLIN, .data.ptr = nc};
          epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
        }
        continue;
      }
      char *data = c->pending;
      if (c->len == 0) {
        ssize_t r = read(c->fd, rbuf, BUF);
        if (r < 0 && errno == EAGAIN) continue;
        if (r <= 0) {
          drop(ep, c);
          continue;
        }
        data = rbuf;
        c->off = 0;
        c->len = (int)r;
      }
      ssize_t w = write(c->fd, data + c->off, c->len - c->off);
      if (w < 0 && errno != EAGAIN) {
        drop(ep, c);
        continue;
      }
      if (w > 0) c->off += (int)w;
      struct epoll_event cev = {.data.ptr = c};
      if (c->off < c->len) {
        cev.events = EPOLLOUT; /* stop reading until the rest has left */
        if (data == rbuf) {
          c->pending = malloc(BUF);
          memcpy(c->pending, rbuf + c->off, c->len - c->off);
          c->len -= c->off;
          c->off = 0;
        }
      } else {
        c->off = c->len = 0;
        free(c->pending);
        c->pending = NULL;
        cev.events = EPOLLIN;
      }
      if (events[k].events & EPOLLOUT || cev.events == EPOLLOUT) {
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &cev);
      }
    }
  }
}
