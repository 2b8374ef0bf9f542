// A rounded rectangle with a border, anti-aliased by its distance field.
#import bevy_sprite::mesh2d_vertex_output::VertexOutput

struct BoxParams {
    fill: vec4<f32>,
    border: vec4<f32>,
    // half width, half height, corner radius, border width
    shape: vec4<f32>,
    // half size of the quad, glow width
    quad: vec4<f32>,
    glow: vec4<f32>,
};

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> params: BoxParams;

fn rounded_box(p: vec2<f32>, half: vec2<f32>, r: f32) -> f32 {
    let q = abs(p) - half + vec2(r);
    return length(max(q, vec2(0.0))) + min(max(q.x, q.y), 0.0) - r;
}

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let p = (in.uv - vec2(0.5)) * 2.0 * params.quad.xy;
    let d = rounded_box(p, params.shape.xy, params.shape.z);
    let aa = max(fwidth(d), 1e-5);
    let coverage = 1.0 - smoothstep(-aa, aa, d);
    let border = params.shape.w;
    let inner = 1.0 - smoothstep(-aa, aa, d + border);
    let color = mix(params.border, params.fill, inner);
    var out = vec4(color.rgb, color.a * coverage);
    if params.quad.z > 0.0 && d > 0.0 {
        let halo = params.glow.a * pow(1.0 - clamp(d / params.quad.z, 0.0, 1.0), 2.0);
        out = vec4(mix(params.glow.rgb, out.rgb, out.a), max(out.a, halo));
    }
    return out;
}
