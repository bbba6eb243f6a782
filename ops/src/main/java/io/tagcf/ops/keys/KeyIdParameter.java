package io.tagcf.ops.keys;

import picocli.CommandLine.Parameters;

/** The stored key a command acts on, named by its id. */
final class KeyIdParameter {

  @Parameters(paramLabel = "KEY_ID", description = "The key's id (the 12 hex digits after 'tcf_').")
  String keyId;
}
