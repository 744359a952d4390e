# src/local.mk: the convenience library (everything but main) and the
# roleaudit program.  Each area lists its files in its own paragraph.

noinst_LIBRARIES += src/libroleaudit.a
RA_LIBS = src/libroleaudit.a $(CURL_LIBS) $(CJSON_LIBS) $(XML_LIBS)

# core: levels, diagnostics, the result model, verdicts, the audit
src_libroleaudit_a_SOURCES = \
	src/level.c src/level.h \
	src/diag.c src/diag.h \
	src/model.c src/model.h src/audit.h src/verdict.h


# rules: the required-permission table
src_libroleaudit_a_SOURCES += src/rules.h


# net and answers: curl multi, classification of answers
src_libroleaudit_a_SOURCES += src/net.h src/answer.h \
	src/net.c src/net_transfer.c src/net_transfer.h \
	src/answer.c src/net_text.c src/net_text.h


# reports: XML, HTML, JUnit, terminal summary
src_libroleaudit_a_SOURCES += src/report.h


# command line, server value, secrets, messages
src_libroleaudit_a_SOURCES += src/cli.h src/server.h src/secret.h src/msg.h


bin_PROGRAMS += src/roleaudit
src_roleaudit_SOURCES = src/main.c
src_roleaudit_LDADD = $(RA_LIBS)
