# src/local.mk: the convenience library (everything but main) and the
# roleaudit program.  Each area lists its files in its own paragraph.

noinst_LIBRARIES += src/libroleaudit.a
RA_LIBS = src/libroleaudit.a $(CURL_LIBS) $(CJSON_LIBS) $(XML_LIBS)

# core: levels, diagnostics, the result model, verdicts, the audit
src_libroleaudit_a_SOURCES = \
	src/level.c src/level.h \
	src/diag.c src/diag.h \
	src/text.c src/text.h \
	src/model.c src/model.h \
	src/verdict.c src/verdict.h \
	src/audit.c src/audit.h src/run.h \
	src/preflight.c src/evidence.c src/fix.c \
	src/store.c src/store.h \
	src/baseline.c src/baseline.h \
	src/app.c src/app.h


# rules: the required-permission table
src_libroleaudit_a_SOURCES += src/rules.h \
	src/rules.c src/rules_private.h \
	src/rules_build.c src/rules_build.h \
	src/rules_probes.c src/rules_reqs.c src/rules_check.c
dist_pkgdata_DATA += data/rules.xsd data/horizon.rules.xml


# net and answers: curl multi, classification of answers
src_libroleaudit_a_SOURCES += src/net.h src/answer.h \
	src/net.c src/net_transfer.c src/net_transfer.h \
	src/answer.c src/net_text.c src/net_text.h


# reports: XML, HTML, JUnit, terminal summary
src_libroleaudit_a_SOURCES += src/report.h \
	src/report_xml.c src/report_html.c src/report_junit.c \
	src/report_summary.c src/report_util.c src/report_util.h
dist_pkgdata_DATA += data/report.xsd data/junit.xsd


# command line, server value, secrets, messages
src_libroleaudit_a_SOURCES += src/cli.h src/server.h src/secret.h src/msg.h
src_libroleaudit_a_SOURCES += src/cli.c src/server.c src/secret.c src/msg.c
dist_man_MANS += docs/roleaudit.1


bin_PROGRAMS += src/roleaudit
src_roleaudit_SOURCES = src/main.c
src_roleaudit_LDADD = $(RA_LIBS)
