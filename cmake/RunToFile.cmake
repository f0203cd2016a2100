# SPDX-License-Identifier: Apache-2.0
# Script mode: run EXE [OPT [ARG]] and write its standard output to OUT
# (man pages and bash completion printed by the built netvet). Fails, and
# leaves no OUT behind, when the command fails or prints nothing.
set(cmd ${EXE})
if(DEFINED OPT AND NOT OPT STREQUAL "")
  list(APPEND cmd ${OPT})
endif()
if(DEFINED ARG AND NOT ARG STREQUAL "")
  list(APPEND cmd ${ARG})
endif()
get_filename_component(dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${cmd} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
file(SIZE ${OUT}.tmp size)
if(NOT rc EQUAL 0 OR size EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  list(JOIN cmd " " shown)
  message(FATAL_ERROR "'${shown}' failed (exit ${rc}, ${size} bytes) writing ${OUT}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
