/* SPDX-License-Identifier: Apache-2.0 */
/* Assess an inventory against the built-in UK pack through netvet's public
 * API, as `netvet assess INVENTORY --as-of DATE` does, and print the verdict
 * and each rule's margin: how far each measurement is from its limit.
 *
 *   cc verdict.c $(pkg-config --cflags --libs netvet) -o verdict
 *   ./verdict examples/uk-operator 2026-11-23
 *
 * Exit status: 0 PASS, 1 FAIL, 2 error (as netvet assess). */
#include <stdio.h>

#include <netvet/netvet.h>

/* What every step needs, freed in one place. */
typedef struct run {
    netvet_diag *diag;
    netvet_registry *reg;
    netvet_policy *policy;
    netvet_inventory *inv;
    netvet_attributor *attributor;
    netvet_assessment *assessment;
} run;

static void run_free(run *r)
{
    netvet_assessment_free(r->assessment);
    netvet_attributor_free(r->attributor);
    netvet_inventory_free(r->inv);
    netvet_policy_free(r->policy);
    netvet_registry_free(r->reg);
    netvet_diag_free(r->diag);
}

/* Vendors from evidence and declared names, with Debian's IEEE and IANA
 * files (netvet's defaults). */
static int new_attributor(run *r)
{
    static const char *const ieee[4] = NETVET_IEEE_FILES;
    static char paths[4][256];
    netvet_attrib_options ao = NETVET_ATTRIB_OPTIONS_INIT;
    for (int i = 0; i < 4; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", NETVET_IEEE_DIR, ieee[i]);
        ao.ieee[i] = paths[i];
    }
    ao.enterprises = NETVET_ENTERPRISES_PATH;
    return netvet_attributor_new(&r->attributor, r->reg, &ao, r->diag);
}

static int assess(run *r, const char *inventory, const char *as_of)
{
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    int rc = netvet_diag_new(&r->diag, NULL, NULL);
    if (rc == 0)
        rc = netvet_registry_new_builtin(&r->reg, r->diag);
    if (rc == 0)
        rc = netvet_policy_new(&r->policy);
    if (rc == 0)
        rc = netvet_policy_add_defaults(r->policy, as_of, r->diag);
    if (rc == 0)
        rc = netvet_inventory_load(&r->inv, inventory, &lo, r->diag);
    if (rc == 0 && netvet_inventory_has_evidence(r->inv))
        rc = new_attributor(r);
    ao.as_of = as_of;
    ao.attributor = r->attributor;
    ao.sink_dependencies = 0;
    if (rc == 0)
        rc = netvet_assess(&r->assessment, r->inv, r->reg, r->policy, &ao,
                           r->diag);
    return rc;
}

static void print_results(const netvet_assessment *a)
{
    netvet_verdict v = netvet_assessment_verdict(a, NETVET_SEV_ERROR);
    printf("Verdict: %s\n", v == NETVET_VERDICT_PASS ? "PASS" : "FAIL");
    for (size_t i = 0; i < netvet_assessment_result_count(a); i++) {
        netvet_rule_result res = NETVET_RULE_RESULT_INIT;
        if (netvet_assessment_result(a, i, &res) != 0)
            continue;
        printf("%-14s %-20s %-8s %-15s %9.4f limit %7.4f margin %+8.4f\n",
               res.status_name, res.rule_id, *res.subject ? res.subject : "-",
               *res.measure ? res.measure : "-", res.value, res.limit,
               res.margin);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s INVENTORY [AS_OF]\n", argv[0]);
        return 2;
    }
    run r = {0};
    int rc = assess(&r, argv[1], argc > 2 ? argv[2] : NULL);
    int status = 2;
    if (rc == 0) {
        print_results(r.assessment);
        status = netvet_assessment_verdict(r.assessment, NETVET_SEV_ERROR) ==
                 NETVET_VERDICT_PASS ? 0 : 1;
    } else {
        fprintf(stderr, "verdict: %s\n", *netvet_diag_message(r.diag)
                ? netvet_diag_message(r.diag) : netvet_strerror(rc));
    }
    run_free(&r);
    return status;
}
