/**
 * OpenSLO {@code openslo/v1} documents as slamon reads them: {@link io.slamon.core.openslo.Slo},
 * {@link io.slamon.core.openslo.Sli}, {@link io.slamon.core.openslo.Service}, {@link
 * io.slamon.core.openslo.AlertPolicy} and {@link io.slamon.core.openslo.AlertCondition}. The label
 * {@code tenant} in {@code metadata.labels} binds a document to a tenant.
 */
package io.slamon.core.openslo;
