/*
 * catalog.c: the module functions and customize items cwsim knows.
 */
#include "catalog.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const struct catalog_function functions[] = {
	{ "System", "System", "Member Maintenance", "MemberMaintenance" },
	{ "System", "System", "Table Setup", "TableSetup" },
	{ "System", "System", "My Company", "MyCompany" },
	{ "System", "System", "My Account", "MyAccount" },
	{ "System", "System", "API Reports", "ApiReports" },
	{ "System", "System", "Manage Hosted API", "ManageHostedApi" },
	{ "System", "System", "Security Roles", "SecurityRoles" },
	{ "Companies", "Company", "Company Maintenance",
	    "CompanyMaintenance" },
	{ "Companies", "Company", "Contacts", "Contacts" },
	{ "Service Desk", "Service", "Service Tickets", "ServiceTickets" },
	{ "Service Desk", "Service", "Resource Scheduling",
	    "ResourceScheduling" },
	{ "Project", "Project", "Project Headers", "ProjectHeaders" },
	{ "Project", "Project", "Project Phase", "ProjectPhase" },
	{ "Project", "Project", "Project Tickets", "ProjectTickets" },
	{ "Time & Expense", "TimeExpense", "Time Entry", "TimeEntry" },
	{ "Finance", "Finance", "Agreements", "Agreements" },
	{ "Sales", "Sales", "Opportunity", "Opportunity" },
	{ "Marketing", "Marketing", "Campaigns", "Campaigns" },
	{ "Procurement", "Procurement", "Purchase Orders",
	    "PurchaseOrders" },
};

#define TS "SystemTableSetup", "TableSetup"
static const struct catalog_item items[] = {
	{ TS, "ServiceBoard", "Service / Service Board" },
	{ TS, "ServicePriority", "Service / Priority" },
	{ TS, "ProjectBoard", "Project / Project Boards" },
	{ TS, "ProjectStatus", "Project / Project Status" },
	{ TS, "ProjectPhaseStatus", "Project / Phase Status" },
	{ TS, "CompanyStatus", "Company / Company Status" },
	{ TS, "CompanyType", "Company / Company Type" },
	{ TS, "SalesOpportunityStatus", "Sales / Opportunity Status" },
	{ TS, "TimeWorkType", "Time / Work Type" },
	{ TS, "FinanceBillingTerms", "Finance / Billing Terms" },
};
#undef TS

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

_Static_assert(COUNT(functions) <= CATALOG_MAX_FUNCTIONS,
    "catalog outgrew CATALOG_MAX_FUNCTIONS");
_Static_assert(COUNT(items) <= 32, "items must fit a 32-bit mask");

size_t
catalog_function_count(void)
{
	return COUNT(functions);
}

const struct catalog_function *
catalog_function_at(size_t i)
{
	return i < COUNT(functions) ? &functions[i] : NULL;
}

/* Whether name is "Module > Function" for f, spaces around '>' free. */
static bool
label_matches(const struct catalog_function *f, const char *name)
{
	size_t len;

	len = strlen(f->module_name);
	if (strncasecmp(name, f->module_name, len) != 0)
		return false;
	name += len;
	while (*name == ' ')
		name++;
	if (*name++ != '>')
		return false;
	while (*name == ' ')
		name++;
	return strcasecmp(name, f->function_name) == 0;
}

int
catalog_function_find(const char *name)
{
	bool label;
	size_t i;

	if (name == NULL)
		return -1;
	label = strchr(name, '>') != NULL;
	for (i = 0; i < COUNT(functions); i++) {
		if (label ? label_matches(&functions[i], name) :
		    strcasecmp(functions[i].function_id, name) == 0)
			return (int)i;
	}
	return -1;
}

size_t
catalog_item_count(void)
{
	return COUNT(items);
}

const struct catalog_item *
catalog_item_at(size_t i)
{
	return i < COUNT(items) ? &items[i] : NULL;
}

int
catalog_item_find(const char *item_id)
{
	size_t i;

	if (item_id == NULL)
		return -1;
	for (i = 0; i < COUNT(items); i++) {
		if (strcasecmp(items[i].item_id, item_id) == 0)
			return (int)i;
	}
	return -1;
}
