/** slamon alerts. */
package io.slamon.alerts;
