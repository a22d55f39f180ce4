/** slamon reports. */
package io.slamon.reports;
