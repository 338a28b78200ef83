/*
 * icount: a qemu TCG plugin that counts the guest instructions qemu-user
 * executes, exactly, over all guest threads, and writes the total to the
 * file named by its out= argument when the guest exits. Built and used by
 * scripts/bench-vm-qemu.sh:
 *
 *   qemu-mips -plugin ./icount.so,out=count.txt[,check=1] PROGRAM ARGS...
 *
 * Every translated block gets an execution callback that adds its
 * instruction count. That is exact as long as every block that starts also
 * runs to its end, which only a fault inside a block breaks. With check=1
 * every instruction also gets its own callback (slower) and the file gets a
 * second line, that per-instruction count; the bench checks on each guest
 * that both lines agree.
 *
 * Only the few plugin API entry points used here are declared, matching
 * QEMU_PLUGIN_VERSION 1 (qemu 7.x), so no qemu headers are needed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
struct qemu_plugin_tb;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
typedef void (*tb_trans_cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*vcpu_udata_cb)(unsigned int vcpu_index, void *userdata);
typedef void (*udata_cb)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, vcpu_udata_cb cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, vcpu_udata_cb cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, udata_cb cb, void *userdata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static uint64_t total, per_insn;
static int check;
static char out_path[4096];

/* Guest threads are host threads under qemu-user: add atomically. */
static void tb_exec(unsigned int vcpu_index, void *n)
{
    (void)vcpu_index;
    __atomic_fetch_add(&total, (uint64_t)(uintptr_t)n, __ATOMIC_RELAXED);
}

static void insn_exec(unsigned int vcpu_index, void *p)
{
    (void)vcpu_index;
    (void)p;
    __atomic_fetch_add(&per_insn, 1, __ATOMIC_RELAXED);
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)n);
    for (size_t i = 0; check && i < n; i++) {
        qemu_plugin_register_vcpu_insn_exec_cb(qemu_plugin_tb_get_insn(tb, i), insn_exec,
                                               QEMU_PLUGIN_CB_NO_REGS, NULL);
    }
}

static void at_exit(qemu_plugin_id_t id, void *p)
{
    (void)id;
    (void)p;
    FILE *f = fopen(out_path, "w");
    if (f == NULL) {
        perror("icount: out");
        return;
    }
    fprintf(f, "%llu\n", (unsigned long long)__atomic_load_n(&total, __ATOMIC_RELAXED));
    if (check) {
        fprintf(f, "%llu\n", (unsigned long long)__atomic_load_n(&per_insn, __ATOMIC_RELAXED));
    }
    fclose(f);
}

__attribute__((visibility("default"))) int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                                               int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "out=", 4) == 0 && strlen(argv[i] + 4) < sizeof out_path) {
            strcpy(out_path, argv[i] + 4);
        } else if (strcmp(argv[i], "check=1") == 0) {
            check = 1;
        }
    }
    if (out_path[0] == 0) {
        fprintf(stderr, "icount: usage: -plugin icount.so,out=FILE\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
