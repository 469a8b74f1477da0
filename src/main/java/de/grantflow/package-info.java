/** grantflow: a workflow engine for public grant programmes (Zuwendungsverfahren). */
package de.grantflow;
