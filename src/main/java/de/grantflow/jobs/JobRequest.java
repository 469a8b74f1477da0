package de.grantflow.jobs;

import java.util.Map;

/**
 * What a job's work is built from, kept with the job so that another node can build it again when the job's node dies:
 * the programme, a few named parameters and, for an import, the uploaded file (deleted when the job ends).
 */
public record JobRequest(String programme, Map<String, String> parameters, byte[] input) {

    public JobRequest {
        parameters = Map.copyOf(parameters);
    }

    public static JobRequest of(String programme, Map<String, String> parameters) {
        return new JobRequest(programme, parameters, null);
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("Parameter " + name + " fehlt");
        }
        return value;
    }
}
