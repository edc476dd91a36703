#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H
/// Linux calls Swift's Glibc module does not export (they need _GNU_SOURCE).

/// Atomically exchanges two paths (renameat2(2) with RENAME_EXCHANGE, Linux 3.15+); 0 on success,
/// -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot exchange).
int heliogrid_exchange_paths(const char *first, const char *second);

#endif
