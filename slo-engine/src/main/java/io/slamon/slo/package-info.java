/** slamon slo-engine. */
package io.slamon.slo;
