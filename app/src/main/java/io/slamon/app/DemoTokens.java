package io.slamon.app;

import io.slamon.core.config.SlamonConfig;

/**
 * The demo's sign-in hints. slamon keeps only hashes of tokens, so the demo knows the example
 * configuration's demo tokens by value and prints each one only if the loaded configuration
 * really accepts it (another --config gets a pointer to its own tokens instead).
 */
final class DemoTokens {
  static final String TENANT = "demo-acme-logistik-token";
  static final String ONCALL = "demo-oncall-token-rheinwerk";

  private DemoTokens() {}

  static void print(Console console, SlamonConfig config, String portalBase) {
    console.line("  tenant portal           %s/login", portalBase);
    console.line("  on-call console         %s/oncall", portalBase);
    console.line("  HTTP API                %s/api/v1/incidents", portalBase);
    var tenant = config.portal().authenticate(TENANT);
    var oncall = config.portal().authenticate(ONCALL);
    if (tenant.isEmpty() && oncall.isEmpty()) {
      console.line("  sign in with a token from portal.tokens in %s/slamon.yaml", config.configDir());
      return;
    }
    tenant.ifPresent(t -> console.line("  demo tenant token       %s  (tenant %s; demo only)", TENANT, t.tenant()));
    oncall.ifPresent(t -> console.line("  demo on-call token      %s  (acknowledge, resolve, classify; demo only)", ONCALL));
    tenant.ifPresent(t -> console.line("  try:  curl -H 'Authorization: Bearer %s' %s/api/v1/tenants/%s/slo-status", TENANT, portalBase, t.tenant()));
  }
}
