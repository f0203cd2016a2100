# SPDX-License-Identifier: Apache-2.0
# Install rules (GNUInstallDirs layout; components runtime and development):
# bin/netvet, lib/libnetvet.so* and libnetvet.a, include/netvet/*.h with the
# generated version.h, lib/pkgconfig/netvet.pc, man pages and bash completion
# printed by the built netvet, share/doc/netvet/LICENSE.
set(NV_COMMANDS assess identify whatif check plan import synth)

install(TARGETS netvet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS netvet_shared
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
          NAMELINK_COMPONENT development)
install(TARGETS netvet_core ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)

file(GLOB NV_PUBLIC_HEADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/include/netvet/*.h)
install(FILES ${NV_PUBLIC_HEADERS} ${NV_GEN_INCLUDE}/netvet/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/netvet COMPONENT development)

# netvet.pc: the prefix is the one given at install time (--prefix), so the
# file is filled in twice: directories and version now, the prefix on install.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(NETVET_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(NETVET_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(NETVET_PC_PREFIX "@NETVET_INSTALL_PREFIX@")
configure_file(netvet.pc.in ${CMAKE_BINARY_DIR}/pkgconfig/netvet.pc.stage @ONLY)
install(CODE "
  file(READ \"${CMAKE_BINARY_DIR}/pkgconfig/netvet.pc.stage\" pc)
  string(REPLACE \"@NETVET_INSTALL_PREFIX@\" \"\${CMAKE_INSTALL_PREFIX}\" pc \"\${pc}\")
  file(WRITE \"${CMAKE_BINARY_DIR}/pkgconfig/netvet.pc\" \"\${pc}\")
" COMPONENT development)
install(FILES ${CMAKE_BINARY_DIR}/pkgconfig/netvet.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)

install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

# Man pages (netvet --man [COMMAND]) and bash completion (netvet
# --bash-completion) come from the CLI's option tables, generated at build time.
if(NETVET_DOCS)
  set(NV_DOC ${CMAKE_BINARY_DIR}/doc)
  set(NV_RUN ${CMAKE_SOURCE_DIR}/cmake/RunToFile.cmake)
  set(NV_DOC_FILES "")
  foreach(cmd "" ${NV_COMMANDS})
    if(cmd STREQUAL "")
      set(page ${NV_DOC}/man1/netvet.1)
    else()
      set(page ${NV_DOC}/man1/netvet-${cmd}.1)
    endif()
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:netvet> -DOPT=--man
              -DARG=${cmd} -DOUT=${page} -P ${NV_RUN}
      DEPENDS netvet ${NV_RUN} VERBATIM)
    list(APPEND NV_DOC_FILES ${page})
  endforeach()
  set(NV_COMPLETION ${NV_DOC}/bash-completion/netvet)
  add_custom_command(OUTPUT ${NV_COMPLETION}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:netvet> -DOPT=--bash-completion
            -DOUT=${NV_COMPLETION} -P ${NV_RUN}
    DEPENDS netvet ${NV_RUN} VERBATIM)
  add_custom_target(netvet_docs ALL DEPENDS ${NV_DOC_FILES} ${NV_COMPLETION})
  list(FILTER NV_DOC_FILES INCLUDE REGEX "\\.1$")
  install(FILES ${NV_DOC_FILES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
  install(FILES ${NV_COMPLETION}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
endif()
