// An edge: flat colour; on lit edges, bright dashes flowing along it (uv.x is the
// distance along the edge).
#import bevy_sprite::mesh2d_vertex_output::VertexOutput

struct EdgeParams {
    colour: vec4<f32>,
    // period, phase, strength, unused
    flow: vec4<f32>,
};

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> params: EdgeParams;

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let x = in.uv.x / params.flow.x - params.flow.y;
    let s = fract(x);
    let aa = max(fwidth(x), 1e-4);
    let on = smoothstep(0.0, aa, s) * (1.0 - smoothstep(0.55 - aa, 0.55, s));
    let brightness = mix(1.0, mix(0.55, 1.0, on), params.flow.z);
    return vec4(params.colour.rgb * brightness, params.colour.a);
}
