# SPDX-License-Identifier: Apache-2.0
# Script mode: turn file IN into C source OUT defining SYM[] and SYM_len.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "/* Generated from ${IN}; do not edit. */\n#include <stddef.h>\n"
  "const unsigned char ${SYM}[] = {\n${body}0x00};\nconst size_t ${SYM}_len = ${len};\n")
