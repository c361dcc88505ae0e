// @ts-nocheck
// Generated from rules/schema/expression-names.schema.json by npm run build:validator: do not edit.
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:pixelaudit:rules:expression-names.schema.json","title":"pixelaudit template expression names","description":"The format of rules/templates/expression-names.json: the words by which `pixelaudit check` decides what a template expression in a URL names (the recipient, their address, or content the same for every reader), with examples the tests hold the decision to.","type":"object","additionalProperties":false,"required":["recipient","address","identifier","content","others","examples"],"properties":{"$schema":{"type":"string"},"description":{"type":"string"},"recipient":{"$ref":"#/$defs/words"},"address":{"$ref":"#/$defs/words"},"identifier":{"$ref":"#/$defs/words"},"content":{"$ref":"#/$defs/words"},"others":{"$ref":"#/$defs/words"},"examples":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["expression","names"],"properties":{"expression":{"type":"string","pattern":"^.+$","description":"The inside of an expression, as written between its delimiters."},"names":{"enum":["address","recipient","content","other"],"description":"What it is decided to name."}}}}},"$defs":{"words":{"type":"object","additionalProperties":false,"required":["docs","words"],"properties":{"docs":{"type":"string","pattern":"^.+$"},"words":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z][a-z0-9]*$","x-error":"must be a lower-case word of letters and digits"}}}}}};
const schema32 = {"type":"object","additionalProperties":false,"required":["docs","words"],"properties":{"docs":{"type":"string","pattern":"^.+$"},"words":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z][a-z0-9]*$","x-error":"must be a lower-case word of letters and digits"}}}};
const pattern4 = new RegExp("^.+$", "u");
const pattern5 = new RegExp("^[a-z][a-z0-9]*$", "u");

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:pixelaudit:rules:expression-names.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.recipient === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "recipient"},message:"must have required property '"+"recipient"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.address === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.identifier === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "identifier"},message:"must have required property '"+"identifier"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.content === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.others === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "others"},message:"must have required property '"+"others"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.examples === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "examples"},message:"must have required property '"+"examples"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "$schema") || (key0 === "description")) || (key0 === "recipient")) || (key0 === "address")) || (key0 === "identifier")) || (key0 === "content")) || (key0 === "others")) || (key0 === "examples"))){
const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err7 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err8 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.description.type,parentSchema:schema31.properties.description,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.recipient !== undefined){
let data2 = data.recipient;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.docs === undefined){
const err9 = {instancePath:instancePath+"/recipient",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema32.required,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data2.words === undefined){
const err10 = {instancePath:instancePath+"/recipient",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "words"},message:"must have required property '"+"words"+"'",schema:schema32.required,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "docs") || (key1 === "words"))){
const err11 = {instancePath:instancePath+"/recipient",schemaPath:"#/$defs/words/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.docs !== undefined){
let data3 = data2.docs;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err12 = {instancePath:instancePath+"/recipient/docs",schemaPath:"#/$defs/words/properties/docs/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.docs,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/recipient/docs",schemaPath:"#/$defs/words/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.words !== undefined){
let data4 = data2.words;
if(Array.isArray(data4)){
if(data4.length < 1){
const err14 = {instancePath:instancePath+"/recipient/words",schemaPath:"#/$defs/words/properties/words/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.words,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(!pattern5.test(data5)){
const err15 = {instancePath:instancePath+"/recipient/words/" + i0,schemaPath:"#/$defs/words/properties/words/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*$"+"\"",schema:"^[a-z][a-z0-9]*$",parentSchema:schema32.properties.words.items,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/recipient/words/" + i0,schemaPath:"#/$defs/words/properties/words/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.words.items.type,parentSchema:schema32.properties.words.items,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/recipient/words",schemaPath:"#/$defs/words/properties/words/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.words.type,parentSchema:schema32.properties.words,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/recipient",schemaPath:"#/$defs/words/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.address !== undefined){
let data6 = data.address;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.docs === undefined){
const err19 = {instancePath:instancePath+"/address",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema32.required,parentSchema:schema32,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data6.words === undefined){
const err20 = {instancePath:instancePath+"/address",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "words"},message:"must have required property '"+"words"+"'",schema:schema32.required,parentSchema:schema32,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key2 in data6){
if(!((key2 === "docs") || (key2 === "words"))){
const err21 = {instancePath:instancePath+"/address",schemaPath:"#/$defs/words/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data6.docs !== undefined){
let data7 = data6.docs;
if(typeof data7 === "string"){
if(!pattern4.test(data7)){
const err22 = {instancePath:instancePath+"/address/docs",schemaPath:"#/$defs/words/properties/docs/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.docs,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/address/docs",schemaPath:"#/$defs/words/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data6.words !== undefined){
let data8 = data6.words;
if(Array.isArray(data8)){
if(data8.length < 1){
const err24 = {instancePath:instancePath+"/address/words",schemaPath:"#/$defs/words/properties/words/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.words,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 === "string"){
if(!pattern5.test(data9)){
const err25 = {instancePath:instancePath+"/address/words/" + i1,schemaPath:"#/$defs/words/properties/words/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*$"+"\"",schema:"^[a-z][a-z0-9]*$",parentSchema:schema32.properties.words.items,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/address/words/" + i1,schemaPath:"#/$defs/words/properties/words/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.words.items.type,parentSchema:schema32.properties.words.items,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/address/words",schemaPath:"#/$defs/words/properties/words/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.words.type,parentSchema:schema32.properties.words,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/address",schemaPath:"#/$defs/words/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data6};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.identifier !== undefined){
let data10 = data.identifier;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.docs === undefined){
const err29 = {instancePath:instancePath+"/identifier",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema32.required,parentSchema:schema32,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data10.words === undefined){
const err30 = {instancePath:instancePath+"/identifier",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "words"},message:"must have required property '"+"words"+"'",schema:schema32.required,parentSchema:schema32,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key3 in data10){
if(!((key3 === "docs") || (key3 === "words"))){
const err31 = {instancePath:instancePath+"/identifier",schemaPath:"#/$defs/words/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data10.docs !== undefined){
let data11 = data10.docs;
if(typeof data11 === "string"){
if(!pattern4.test(data11)){
const err32 = {instancePath:instancePath+"/identifier/docs",schemaPath:"#/$defs/words/properties/docs/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.docs,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/identifier/docs",schemaPath:"#/$defs/words/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data10.words !== undefined){
let data12 = data10.words;
if(Array.isArray(data12)){
if(data12.length < 1){
const err34 = {instancePath:instancePath+"/identifier/words",schemaPath:"#/$defs/words/properties/words/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.words,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
let data13 = data12[i2];
if(typeof data13 === "string"){
if(!pattern5.test(data13)){
const err35 = {instancePath:instancePath+"/identifier/words/" + i2,schemaPath:"#/$defs/words/properties/words/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*$"+"\"",schema:"^[a-z][a-z0-9]*$",parentSchema:schema32.properties.words.items,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/identifier/words/" + i2,schemaPath:"#/$defs/words/properties/words/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.words.items.type,parentSchema:schema32.properties.words.items,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/identifier/words",schemaPath:"#/$defs/words/properties/words/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.words.type,parentSchema:schema32.properties.words,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/identifier",schemaPath:"#/$defs/words/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data10};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.content !== undefined){
let data14 = data.content;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.docs === undefined){
const err39 = {instancePath:instancePath+"/content",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema32.required,parentSchema:schema32,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data14.words === undefined){
const err40 = {instancePath:instancePath+"/content",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "words"},message:"must have required property '"+"words"+"'",schema:schema32.required,parentSchema:schema32,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
for(const key4 in data14){
if(!((key4 === "docs") || (key4 === "words"))){
const err41 = {instancePath:instancePath+"/content",schemaPath:"#/$defs/words/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data14.docs !== undefined){
let data15 = data14.docs;
if(typeof data15 === "string"){
if(!pattern4.test(data15)){
const err42 = {instancePath:instancePath+"/content/docs",schemaPath:"#/$defs/words/properties/docs/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.docs,data:data15};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/content/docs",schemaPath:"#/$defs/words/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data14.words !== undefined){
let data16 = data14.words;
if(Array.isArray(data16)){
if(data16.length < 1){
const err44 = {instancePath:instancePath+"/content/words",schemaPath:"#/$defs/words/properties/words/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.words,data:data16};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
if(typeof data17 === "string"){
if(!pattern5.test(data17)){
const err45 = {instancePath:instancePath+"/content/words/" + i3,schemaPath:"#/$defs/words/properties/words/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*$"+"\"",schema:"^[a-z][a-z0-9]*$",parentSchema:schema32.properties.words.items,data:data17};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/content/words/" + i3,schemaPath:"#/$defs/words/properties/words/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.words.items.type,parentSchema:schema32.properties.words.items,data:data17};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/content/words",schemaPath:"#/$defs/words/properties/words/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.words.type,parentSchema:schema32.properties.words,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/content",schemaPath:"#/$defs/words/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data14};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.others !== undefined){
let data18 = data.others;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.docs === undefined){
const err49 = {instancePath:instancePath+"/others",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema32.required,parentSchema:schema32,data:data18};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(data18.words === undefined){
const err50 = {instancePath:instancePath+"/others",schemaPath:"#/$defs/words/required",keyword:"required",params:{missingProperty: "words"},message:"must have required property '"+"words"+"'",schema:schema32.required,parentSchema:schema32,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
for(const key5 in data18){
if(!((key5 === "docs") || (key5 === "words"))){
const err51 = {instancePath:instancePath+"/others",schemaPath:"#/$defs/words/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data18.docs !== undefined){
let data19 = data18.docs;
if(typeof data19 === "string"){
if(!pattern4.test(data19)){
const err52 = {instancePath:instancePath+"/others/docs",schemaPath:"#/$defs/words/properties/docs/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.docs,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/others/docs",schemaPath:"#/$defs/words/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data18.words !== undefined){
let data20 = data18.words;
if(Array.isArray(data20)){
if(data20.length < 1){
const err54 = {instancePath:instancePath+"/others/words",schemaPath:"#/$defs/words/properties/words/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.words,data:data20};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
const len4 = data20.length;
for(let i4=0; i4<len4; i4++){
let data21 = data20[i4];
if(typeof data21 === "string"){
if(!pattern5.test(data21)){
const err55 = {instancePath:instancePath+"/others/words/" + i4,schemaPath:"#/$defs/words/properties/words/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*$"+"\"",schema:"^[a-z][a-z0-9]*$",parentSchema:schema32.properties.words.items,data:data21};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/others/words/" + i4,schemaPath:"#/$defs/words/properties/words/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.words.items.type,parentSchema:schema32.properties.words.items,data:data21};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/others/words",schemaPath:"#/$defs/words/properties/words/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.words.type,parentSchema:schema32.properties.words,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/others",schemaPath:"#/$defs/words/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data18};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data.examples !== undefined){
let data22 = data.examples;
if(Array.isArray(data22)){
if(data22.length < 1){
const err59 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.examples,data:data22};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
const len5 = data22.length;
for(let i5=0; i5<len5; i5++){
let data23 = data22[i5];
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.expression === undefined){
const err60 = {instancePath:instancePath+"/examples/" + i5,schemaPath:"#/properties/examples/items/required",keyword:"required",params:{missingProperty: "expression"},message:"must have required property '"+"expression"+"'",schema:schema31.properties.examples.items.required,parentSchema:schema31.properties.examples.items,data:data23};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data23.names === undefined){
const err61 = {instancePath:instancePath+"/examples/" + i5,schemaPath:"#/properties/examples/items/required",keyword:"required",params:{missingProperty: "names"},message:"must have required property '"+"names"+"'",schema:schema31.properties.examples.items.required,parentSchema:schema31.properties.examples.items,data:data23};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
for(const key6 in data23){
if(!((key6 === "expression") || (key6 === "names"))){
const err62 = {instancePath:instancePath+"/examples/" + i5,schemaPath:"#/properties/examples/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.examples.items,data:data23};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data23.expression !== undefined){
let data24 = data23.expression;
if(typeof data24 === "string"){
if(!pattern4.test(data24)){
const err63 = {instancePath:instancePath+"/examples/" + i5+"/expression",schemaPath:"#/properties/examples/items/properties/expression/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema31.properties.examples.items.properties.expression,data:data24};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/examples/" + i5+"/expression",schemaPath:"#/properties/examples/items/properties/expression/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.examples.items.properties.expression.type,parentSchema:schema31.properties.examples.items.properties.expression,data:data24};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data23.names !== undefined){
let data25 = data23.names;
if(!((((data25 === "address") || (data25 === "recipient")) || (data25 === "content")) || (data25 === "other"))){
const err65 = {instancePath:instancePath+"/examples/" + i5+"/names",schemaPath:"#/properties/examples/items/properties/names/enum",keyword:"enum",params:{allowedValues: schema31.properties.examples.items.properties.names.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.examples.items.properties.names.enum,parentSchema:schema31.properties.examples.items.properties.names,data:data25};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/examples/" + i5,schemaPath:"#/properties/examples/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.examples.items.type,parentSchema:schema31.properties.examples.items,data:data23};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.examples.type,parentSchema:schema31.properties.examples,data:data22};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

